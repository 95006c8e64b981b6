import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { loadLocaleAfterFirstPaint } from './composables/useLocaleLoaded'
import { createAppRouter, preloadRouteCode } from './router'
import { useSettingsStore } from './stores/settings'
import './styles/theme.css'

async function boot(): Promise<void> {
  const app = createApp(App)
  const pinia = createPinia()
  app.use(pinia)
  // Everything the first screen waits for comes from the settings (first run or not, the name, the
  // bedtime): ask for them before anything else, and set up the rest while the answer is on its way.
  void useSettingsStore(pinia).load()
  const router = createAppRouter()
  // The route guard waits for the settings (first run or not); a screen's code need not wait: start it
  // now, so its modules are compiled while that call is on its way (Today's is in this script already).
  preloadRouteCode(router, location.hash.slice(1) || '/today')
  app.use(router)
  await router.isReady()
  app.mount('#app')
  // The moment the first screen is usable: the bench measures cold start up to here.
  requestAnimationFrame(() => performance.mark('stillwell:interactive'))
  // Dates and times are written in the user's locale; reading its formats the first time costs tens of ms,
  // paid after that first frame, while the screen's data is on its way (Today waits for it to show the bedtime).
  loadLocaleAfterFirstPaint()
}

void boot()
