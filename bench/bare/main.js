// The bench's baseline: the least a Vue app can do to show one component.
/* global requestAnimationFrame */
import { createApp } from 'vue'
import BareApp from './BareApp.vue'

createApp(BareApp).mount('#app')
// Same mark, same moment as the Stillwell renderer (src/renderer/src/main.ts).
requestAnimationFrame(() => performance.mark('stillwell:interactive'))
