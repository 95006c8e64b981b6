import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { RouterView } from 'vue-router'
import { mountWithApp, type Mounted } from './mount'

const Root = defineComponent(() => () => h(RouterView))
let mounted: Mounted | undefined

afterEach(() => {
  mounted?.wrapper.unmount()
  mounted?.app.close()
  mounted = undefined
})

describe('first-run screen', () => {
  it('is where every route leads until it is completed', async () => {
    mounted = await mountWithApp(Root, '/journal')
    expect(mounted.router.currentRoute.value.name).toBe('welcome')
    expect(mounted.wrapper.find('h1').text()).toBe('Welcome to Stillwell')
  })

  it('asks for the disclaimer before saving, then stores the profile and opens Today', async () => {
    mounted = await mountWithApp(Root, '/')
    const { wrapper, app, router } = mounted
    await wrapper.find('input[autocomplete="given-name"]').setValue('Mira')
    await wrapper.find('select').setValue('19-30')
    await wrapper.find('input[type="time"]').setValue('23:40')

    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.text()).toContain('Please confirm you have read the note about medical advice.')
    expect(app.services.settings.get().onboarded).toBe(false)

    await wrapper.find('input[name="disclaimer"]').setValue(true)
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(app.services.settings.get()).toMatchObject({
      onboarded: true,
      disclaimerAccepted: true,
      profile: { name: 'Mira', ageBand: '19-30', sex: 'female', lifeStage: 'none', bedtime: '23:40' }
    })
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('today'))
  })

  it('hides pregnancy choices for a male profile and resets them', async () => {
    mounted = await mountWithApp(Root, '/')
    const { wrapper } = mounted
    await wrapper.find('input[value="pregnant"]').setValue(true)
    await wrapper.find('input[value="male"]').setValue(true)
    expect(wrapper.find('input[value="pregnant"]').exists()).toBe(false)
    await wrapper.find('input[name="disclaimer"]').setValue(true)
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(mounted.app.services.settings.get().profile).toMatchObject({ sex: 'male', lifeStage: 'none' })
  })

  it('shows the field message when the main side rejects a value', async () => {
    mounted = await mountWithApp(Root, '/')
    const { wrapper } = mounted
    await wrapper.find('input[type="time"]').setValue('')
    await wrapper.find('input[name="disclaimer"]').setValue(true)
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.text()).toContain('Use a 24-hour time such as 22:30.')
    expect(wrapper.find('input[type="time"]').attributes('aria-invalid')).toBe('true')
    expect(mounted.app.services.settings.get().onboarded).toBe(false)
  })
})
