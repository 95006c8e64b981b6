import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import App from '../../src/renderer/src/App.vue'
import { startTestApp, type TestApp } from '../support/app'
import { fixedClock } from '../support/journal'
import { mountWithApp, type Mounted } from './mount'

let mounted: Mounted | undefined
afterEach(() => {
  mounted?.wrapper.unmount()
  mounted?.app.close()
  mounted = undefined
})

/** Today is 2026-11-24 in Berlin; Ropinirole runs since 2026-10-01 and went from 0.25 to 0.5 mg on 2026-11-10. */
function appWithMedicine(): TestApp {
  const app = startTestApp(undefined, { clock: fixedClock('2026-11-24T08:00:00Z') })
  app.services.settings.completeOnboarding({
    profile: { name: 'Jo', ageBand: '31-50', sex: 'female', lifeStage: 'none', bedtime: '22:15' },
    disclaimerAccepted: true
  })
  const med = app.services.medications.create({
    name: 'Ropinirole',
    strength: 0.25,
    unit: 'mg',
    usualDose: 0.25,
    usualTime: '20:00',
    startDate: '2026-10-01',
    stopDate: null,
    purpose: '',
    prescriberNote: ''
  })
  app.services.medications.changeDose({ medicationId: med.id, changedOn: '2026-11-10', dose: 0.5, note: '' })
  return app
}

describe('doses in the quick log', () => {
  it('offers the running medicine at its current usual dose; a changed amount is saved for the night', async () => {
    const app = appWithMedicine()
    mounted = await mountWithApp(App, '/journal', app)
    const amount = mounted.wrapper.find('input.dose-chips__amount')
    expect((amount.element as HTMLInputElement).value).toBe('0.5')
    expect(mounted.wrapper.find('label.dose-chips__label').text()).toBe('Amount (mg)')
    // Visible without opening the section.
    expect(mounted.wrapper.find('[data-testid="factor-summary"]').text()).toBe('Ropinirole 0.5 mg')

    await amount.setValue('0.75')
    await amount.trigger('change')
    await mounted.wrapper.find('input[aria-label="3, Mild"]').setValue(true)
    await mounted.wrapper.find('form.entry-form').trigger('submit')
    await flushPromises()
    expect(app.services.journal.get('2026-11-23')?.factors.doses).toEqual([{ name: 'Ropinirole', amount: 0.75 }])
  })

  it('a dose of 0 gets a message beside its field and nothing is saved', async () => {
    const app = appWithMedicine()
    mounted = await mountWithApp(App, '/journal', app)
    const amount = mounted.wrapper.find('input.dose-chips__amount')
    await amount.setValue('0')
    await amount.trigger('change')
    await mounted.wrapper.find('input[aria-label="3, Mild"]').setValue(true)
    await mounted.wrapper.find('form.entry-form').trigger('submit')
    await flushPromises()
    expect(amount.attributes('aria-invalid')).toBe('true')
    const error = mounted.wrapper.find(`#${amount.attributes('aria-describedby')}`)
    expect(error.text()).toBe('Enter a dose above 0, for example 0.25.')
    expect(app.services.journal.get('2026-11-23')).toBeNull()
  })
})
