import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { RouterView } from 'vue-router'
import NutrientMeter from '../../src/renderer/src/features/planner/NutrientMeter.vue'
import { localDay } from '../../src/shared/domain/meal-plan'
import { startTestApp } from '../support/app'
import { mountWithApp, type Mounted } from './mount'

const Root = defineComponent(() => () => h(RouterView))
let mounted: Mounted | undefined

afterEach(() => {
  mounted?.wrapper.unmount()
  mounted?.app.close()
  mounted = undefined
})

function onboardedApp() {
  const app = startTestApp()
  app.services.settings.completeOnboarding({
    profile: { name: 'Jo', ageBand: '31-50', sex: 'female', lifeStage: 'none', bedtime: '22:15' },
    disclaimerAccepted: true
  })
  return app
}

/** Waits for the chain of calls a keystroke or click starts (search, add, reload the week). */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await flushPromises()
}

describe('NutrientMeter', () => {
  it('says the real amount in words, even past the target the bar cannot show', () => {
    const wrapper = mount(NutrientMeter, { props: { label: 'Magnesium', value: 410.4, target: 320 } })
    const bar = wrapper.get('[role="progressbar"]')
    expect(bar.attributes('aria-valuenow')).toBe('320')
    expect(bar.attributes('aria-valuemax')).toBe('320')
    expect(bar.attributes('aria-valuetext')).toBe('410 of 320 mg, 128% of the target, target reached')
    expect(wrapper.text()).toContain('410')
    expect(wrapper.get('.meter__fill').attributes('style')).toContain('width: 100%')
  })

  it('shows a partial day as a partial bar', () => {
    const wrapper = mount(NutrientMeter, { props: { label: 'Iron', value: 4.55, target: 18 } })
    expect(wrapper.get('[role="progressbar"]').attributes('aria-valuetext')).toBe('4.6 of 18 mg, 25% of the target')
    expect(wrapper.get('.meter__fill').attributes('style')).toContain('width: 25%')
  })
})

describe('planner view', () => {
  it('searches as you type, adds the chosen food with its portion, and updates the totals', async () => {
    mounted = await mountWithApp(Root, '/planner?day=2025-03-03', onboardedApp())
    await settle()
    const { wrapper, app } = mounted
    const search = wrapper.get('input[role="combobox"]')
    await search.setValue('pumpkin seed')
    await settle()
    const options = wrapper.findAll('[role="listbox"] [role="option"]')
    expect(options[0]!.text()).toContain('Pumpkin seeds')
    expect(options[0]!.text()).toContain('592 mg')

    // Arrow down then Enter chooses the first result and moves focus to the amount.
    await search.trigger('keydown', { key: 'ArrowDown' })
    expect(search.attributes('aria-activedescendant')).toMatch(/option-0$/)
    await search.trigger('keydown', { key: 'Enter' })
    await settle()
    const amount = wrapper.get('form.picker__portion input[inputmode="decimal"]')
    expect(document.activeElement).toBe(amount.element)
    const unit = wrapper.findAll('select').find((s) => s.findAll('option').some((o) => o.text() === 'oz (28 g)'))!
    await unit.setValue(unit.findAll('option').find((o) => o.text() === 'oz (28 g)')!.element.value)
    await amount.setValue('1')
    expect(wrapper.text()).toContain('28 g: 168 mg magnesium')
    await amount.trigger('submit')
    await settle()

    expect(app.services.planner.day('2025-03-03').itemCount).toBe(1)
    const breakfast = wrapper.findAll('section.meal')[0]!
    expect(breakfast.text()).toContain('Pumpkin seeds')
    expect(breakfast.text()).toContain('168 mg')
    const meter = wrapper.findAll('[role="progressbar"]').find((b) => b.attributes('aria-label') === 'Magnesium from food')!
    expect(meter.attributes('aria-valuetext')).toBe('168 of 320 mg, 52% of the target')
    // The week grid cuts long names to its narrow columns; the pointer shows the whole name.
    const inWeek = wrapper.get('.week__item-name')
    expect(inWeek.text()).toMatch(/^Pumpkin seeds/)
    expect(inWeek.attributes('title')).toBe(inWeek.text())
  })

  it('keeps an impossible amount in the form with a message beside it, and adds nothing', async () => {
    mounted = await mountWithApp(Root, '/planner?day=2025-03-03', onboardedApp())
    await settle()
    const { wrapper, app } = mounted
    await wrapper.get('input[role="combobox"]').setValue('almonds')
    await settle()
    await wrapper.findAll('[role="listbox"] [role="option"]')[0]!.trigger('click')
    await settle()
    const amount = wrapper.get('form.picker__portion input[inputmode="decimal"]')
    await amount.setValue('-2')
    await amount.trigger('submit')
    await settle()
    expect(amount.attributes('aria-invalid')).toBe('true')
    const describedBy = amount.attributes('aria-describedby')!
    expect(wrapper.get(`[id="${describedBy}"]`).text()).toBe('Enter an amount above 0.')
    expect(app.services.planner.day('2025-03-03').itemCount).toBe(0)
  })

  it('offers the foods of an article link first', async () => {
    mounted = await mountWithApp(Root, '/planner?foods=12061,bogus,11457', onboardedApp())
    await settle()
    const list = mounted.wrapper.get('[role="listbox"]')
    expect(mounted.wrapper.text()).toContain('Foods from the article you followed')
    expect(list.findAll('[role="option"]').map((o) => o.find('.picker__name').text())).toEqual(['Almonds', 'Spinach, raw'])
  })

  it('shows close-the-gap suggestions for an empty day; one click adds the food', async () => {
    mounted = await mountWithApp(Root, '/planner?day=2025-03-04', onboardedApp())
    await settle()
    const { wrapper, app } = mounted
    const gap = wrapper.findAll('section.gap')[0]!
    expect(gap.text()).toContain('Nothing is planned yet')
    const buttons = gap.findAll('button')
    expect(buttons.length).toBeGreaterThan(0)
    await buttons[0]!.trigger('click')
    await settle()
    const day = app.services.planner.day('2025-03-04')
    expect(day.itemCount).toBe(1)
    expect(day.meals.find((m) => m.meal === 'snacks')!.items).toHaveLength(1)
  })
})

describe('Today’s magnesium tile', () => {
  it('invites planning when nothing is planned, then shows planned magnesium against the target', async () => {
    const app = onboardedApp()
    mounted = await mountWithApp(Root, '/today', app)
    await settle()
    const tile = () => mounted!.wrapper.get('[data-testid="today-magnesium"]')
    expect(tile().text()).toContain('No meals planned')
    expect(tile().find('a').attributes('href')).toContain(`day=${localDay()}`)
    mounted.wrapper.unmount()

    app.services.planner.addItem({ day: localDay(), meal: 'lunch', foodId: '16015', amount: 1, unit: { kind: 'serving' } })
    mounted = await mountWithApp(Root, '/today', app)
    await settle()
    expect(tile().text()).toContain('120')
    expect(tile().text()).toContain('of 320 mg')
    expect(tile().get('[role="progressbar"]').attributes('aria-valuetext')).toBe('120 of 320 mg, 38%')
  })
})

describe('my foods', () => {
  it('checks the form before saving and shows the main side’s objections beside the field', async () => {
    const app = onboardedApp()
    app.services.foods.create({ name: 'Seed bar', basis: '100g', magnesiumMg: 200, ironMg: null, kcal: null, serving: null, portions: [] })
    mounted = await mountWithApp(Root, '/planner?view=foods', app)
    await settle()
    const { wrapper } = mounted
    expect(wrapper.find('table').text()).toContain('Seed bar')
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Add a food')!
      .trigger('click')
    await settle()
    const form = wrapper.get('form.food-form')
    await form.trigger('submit')
    await settle()
    const name = form.get('input[maxlength="120"]')
    expect(name.attributes('aria-invalid')).toBe('true')
    expect(document.activeElement).toBe(name.element)

    await name.setValue('seed BAR')
    await form.findAll('input[inputmode="decimal"]')[1]!.setValue('100')
    await form.trigger('submit')
    await settle()
    expect(form.text()).toContain('You already have a food with that name.')
    expect(form.text()).toContain('Choose a different name.')
    expect(app.services.foods.mine()).toHaveLength(1)
  })
})
