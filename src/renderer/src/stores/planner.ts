import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type {
  DayPlan,
  Input,
  Meal,
  MealTemplate,
  Nutrient,
  PlanItem,
  ShoppingListResult,
  Suggestions,
  UnitInput,
  WeekPlan
} from '../../../shared/contract'
import { firstDayOfWeek } from '../../../shared/domain/calendar'
import { localDay, MEAL_LABELS, weekStart } from '../../../shared/domain/meal-plan'
import { call } from '../api'

/**
 * The week being planned and the day in focus. Every change goes to the main
 * side first and the week is then read back, so what the page shows is always
 * what was saved (a week is seven days: reading it again costs a millisecond).
 */
export const usePlannerStore = defineStore('planner', () => {
  const firstDay = ref(firstDayOfWeek())
  const selectedDay = ref(localDay())
  const week = ref<WeekPlan | null>(null)
  const loading = ref(false)
  const loadError = ref('')
  /** Short messages for the page's live region ("Added almonds to lunch."). */
  const status = ref('')
  const suggestions = ref<Suggestions | null>(null)
  const templates = ref<MealTemplate[]>([])

  const start = computed(() => weekStart(selectedDay.value, firstDay.value))
  const day = computed<DayPlan | null>(() => week.value?.days.find((d) => d.day === selectedDay.value) ?? null)
  const targets = computed(() => week.value?.targets ?? null)

  let loadSequence = 0

  async function loadWeek(): Promise<void> {
    const mine = ++loadSequence
    const wanted = start.value
    loading.value = week.value === null
    try {
      const [plan, gap] = await Promise.all([
        call('planner.week', { start: wanted }),
        call('planner.suggestions', { day: selectedDay.value })
      ])
      if (mine !== loadSequence) return
      week.value = plan
      suggestions.value = gap
      loadError.value = ''
    } catch (error) {
      if (mine === loadSequence) loadError.value = error instanceof Error ? error.message : 'The plan could not be loaded.'
    } finally {
      if (mine === loadSequence) loading.value = false
    }
  }

  async function selectDay(next: string): Promise<void> {
    selectedDay.value = next
    await loadWeek()
  }

  function shiftWeek(weeks: number): Promise<void> {
    const [y, m, d] = selectedDay.value.split('-').map(Number) as [number, number, number]
    const date = new Date(Date.UTC(y, m - 1, d + weeks * 7))
    return selectDay(date.toISOString().slice(0, 10))
  }

  function announce(message: string): void {
    // Clearing first makes a repeated message ("Removed.") be announced again.
    status.value = ''
    queueMicrotask(() => (status.value = message))
  }

  async function addItem(input: { day: string; meal: Meal; foodId: string; amount: number; unit: UnitInput }): Promise<PlanItem> {
    const item = await call('planner.addItem', input)
    await loadWeek()
    announce(`Added ${item.foodName} to ${MEAL_LABELS[item.meal].toLowerCase()}.`)
    return item
  }

  async function updateItem(id: number, amount: number, unit: UnitInput): Promise<PlanItem> {
    const item = await call('planner.updateItem', { id, amount, unit })
    await loadWeek()
    announce(`Changed ${item.foodName}.`)
    return item
  }

  async function removeItem(item: PlanItem): Promise<void> {
    await call('planner.removeItem', { id: item.id })
    await loadWeek()
    announce(`Removed ${item.foodName}.`)
  }

  async function moveItem(item: PlanItem, target: { day: string; meal: Meal; copy: boolean }): Promise<void> {
    await call('planner.moveItem', { id: item.id, ...target })
    await loadWeek()
    announce(`${target.copy ? 'Copied' : 'Moved'} ${item.foodName} to ${MEAL_LABELS[target.meal].toLowerCase()}.`)
  }

  async function reorderItem(item: PlanItem, direction: 'up' | 'down'): Promise<void> {
    await call('planner.reorderItem', { id: item.id, direction })
    await loadWeek()
    announce(`Moved ${item.foodName} ${direction}.`)
  }

  async function setEaten(item: PlanItem, eaten: boolean): Promise<void> {
    await call('planner.setEaten', { id: item.id, eaten })
    await loadWeek()
    announce(eaten ? `Marked ${item.foodName} as eaten.` : `Marked ${item.foodName} as not eaten.`)
  }

  async function copyDay(input: Input<'planner.copyDay'>): Promise<number> {
    const { copied } = await call('planner.copyDay', input)
    await loadWeek()
    announce(`Copied ${copied} item${copied === 1 ? '' : 's'}.`)
    return copied
  }

  async function clearDay(dayValue: string): Promise<void> {
    const { removed } = await call('planner.clearDay', { day: dayValue })
    await loadWeek()
    announce(`Removed ${removed} item${removed === 1 ? '' : 's'}.`)
  }

  async function setSupplement(dayValue: string, mg: number): Promise<void> {
    await call('planner.setSupplement', { day: dayValue, mg })
    await loadWeek()
    announce('Supplement saved.')
  }

  async function setTarget(nutrient: Nutrient, valueMg: number): Promise<void> {
    await call('planner.setTarget', { nutrient, valueMg })
    await loadWeek()
    announce('Target saved.')
  }

  async function resetTarget(nutrient: Nutrient): Promise<void> {
    await call('planner.resetTarget', { nutrient })
    await loadWeek()
    announce('Target reset to the recommended value.')
  }

  async function loadTemplates(): Promise<void> {
    templates.value = await call('planner.templates')
  }

  async function saveTemplate(name: string, dayValue: string, meal: Meal): Promise<void> {
    await call('planner.saveTemplate', { name, day: dayValue, meal })
    await loadTemplates()
    announce(`Saved “${name}”.`)
  }

  async function applyTemplate(template: MealTemplate, dayValue: string, meal: Meal): Promise<void> {
    await call('planner.applyTemplate', { id: template.id, day: dayValue, meal })
    await loadWeek()
    announce(`Added “${template.name}” to ${MEAL_LABELS[meal].toLowerCase()}.`)
  }

  async function deleteTemplate(template: MealTemplate): Promise<void> {
    await call('planner.deleteTemplate', { id: template.id })
    await loadTemplates()
    announce(`Deleted “${template.name}”.`)
  }

  function shoppingList(days: string[]): Promise<ShoppingListResult> {
    return call('planner.shoppingList', { days })
  }

  return {
    firstDay,
    selectedDay,
    week,
    loading,
    loadError,
    status,
    suggestions,
    templates,
    start,
    day,
    targets,
    loadWeek,
    selectDay,
    shiftWeek,
    announce,
    addItem,
    updateItem,
    removeItem,
    moveItem,
    reorderItem,
    setEaten,
    copyDay,
    clearDay,
    setSupplement,
    setTarget,
    resetTarget,
    loadTemplates,
    saveTemplate,
    applyTemplate,
    deleteTemplate,
    shoppingList
  }
})
