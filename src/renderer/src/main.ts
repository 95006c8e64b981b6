import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { createAppRouter } from './router'
import './styles/theme.css'

async function boot(): Promise<void> {
  const app = createApp(App)
  app.use(createPinia())
  const router = createAppRouter()
  app.use(router)
  await router.isReady()
  app.mount('#app')
  // The moment the first screen is usable: the bench measures cold start up to here.
  requestAnimationFrame(() => performance.mark('stillwell:interactive'))
}

void boot()
