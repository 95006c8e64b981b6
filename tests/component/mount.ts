import { mount, flushPromises, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { Component } from 'vue'
import type { Router } from 'vue-router'
import { useTransport } from '../../src/renderer/src/api'
import { createAppRouter } from '../../src/renderer/src/router'
import { startTestApp, type TestApp } from '../support/app'

export interface Mounted {
  wrapper: VueWrapper
  router: Router
  app: TestApp
}

/**
 * Mounts a component with the real router, a fresh Pinia and the real handler
 * table over a real SQLite file: the page talks to the same services as in the app.
 */
export async function mountWithApp(component: Component, path: string, app: TestApp = startTestApp()): Promise<Mounted> {
  useTransport(app.transport)
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createAppRouter()
  await router.push(path)
  await router.isReady()
  const wrapper = mount(component, { global: { plugins: [pinia, router] }, attachTo: document.body })
  await flushPromises()
  return { wrapper, router, app }
}
