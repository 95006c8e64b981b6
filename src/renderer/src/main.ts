import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { callsInFlight } from './api'
import { loadWhenIdle } from './idle-load'
import { loadLocaleAfterFirstPaint } from './composables/useLocaleLoaded'
import { createAppRouter, PREFETCH_ORDER } from './router'
import { useSettingsStore } from './stores/settings'
import './styles/theme.css'

async function boot(): Promise<void> {
  const app = createApp(App)
  const pinia = createPinia()
  app.use(pinia)
  // Everything the first screen waits for comes from the settings (first run or not, the name, the
  // bedtime). They came inside the page (api/start-answers.ts), so the route guard goes on at once; where
  // they did not (the dev server), this asks for them before anything else.
  void useSettingsStore(pinia).load()
  const router = createAppRouter()
  app.use(router)
  await router.isReady()
  app.mount('#app')
  // The moment the first screen is usable: the bench measures cold start up to here.
  requestAnimationFrame(() => performance.mark('stillwell:interactive'))
  // Dates and times are written in the user's locale; reading its formats the first time costs tens of ms,
  // paid after that first frame, while the screen's data is on its way (Today waits for it to show the bedtime).
  loadLocaleAfterFirstPaint()
  // The other sections' code loads in idle time once the first screen has its answers, so a first visit
  // does not wait for it to download and run (the bench's first-visit figures wait for this mark).
  loadWhenIdle(PREFETCH_ORDER, { busy: () => callsInFlight() > 0, done: () => performance.mark('stillwell:code-loaded') })
}

void boot()
