import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { createAppRouter, preloadRouteCode } from './router'
import './styles/theme.css'

async function boot(): Promise<void> {
  const app = createApp(App)
  app.use(createPinia())
  const router = createAppRouter()
  // The route guard first waits for the settings (first run or not); the screen's code need not wait:
  // start it now, so its modules are compiled while that call is on its way.
  preloadRouteCode(router, location.hash.slice(1) || '/today')
  app.use(router)
  await router.isReady()
  app.mount('#app')
  // The moment the first screen is usable: the bench measures cold start up to here.
  requestAnimationFrame(() => performance.mark('stillwell:interactive'))
}

void boot()
