import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { FoodDetail, FoodGroup, FoodSort, FoodSummary, ImportResult, UserFoodInput } from '../../../shared/contract'
import { call, callThen } from '../api'

/** The food catalogue as the page sees it: search as you type, groups, and the user's own foods. */
export const useFoodsStore = defineStore('foods', () => {
  const query = ref('')
  const group = ref('')
  const sort = ref<FoodSort>('relevance')
  const results = ref<FoodSummary[]>([])
  const more = ref(false)
  const searching = ref(false)
  const searchError = ref('')
  const groups = ref<FoodGroup[]>([])
  const mine = ref<FoodDetail[]>([])

  let sequence = 0

  /** Runs the current search; an answer that arrives after a newer keystroke's is dropped. */
  async function search(): Promise<void> {
    const mine = ++sequence
    searching.value = true
    try {
      const answer = await call('foods.search', {
        query: query.value.slice(0, 100),
        ...(group.value ? { group: group.value } : {}),
        sort: sort.value,
        limit: 25
      })
      if (mine !== sequence) return
      results.value = answer.results
      more.value = answer.more
      searchError.value = ''
    } catch (error) {
      if (mine === sequence) searchError.value = error instanceof Error ? error.message : 'Search failed.'
    } finally {
      if (mine === sequence) searching.value = false
    }
  }

  async function loadGroups(): Promise<void> {
    if (groups.value.length === 0) groups.value = await call('foods.groups')
  }

  function details(ids: string[]): Promise<FoodDetail[]> {
    return ids.length === 0 ? Promise.resolve([]) : call('foods.get', { ids })
  }

  async function loadMine(): Promise<void> {
    mine.value = await call('foods.mine')
  }

  async function afterChange(): Promise<void> {
    groups.value = []
    await Promise.all([loadMine(), loadGroups()])
  }

  function create(food: UserFoodInput): Promise<FoodDetail> {
    return callThen(afterChange, 'foods.create', food)
  }

  function update(id: string, food: UserFoodInput): Promise<FoodDetail> {
    return callThen(afterChange, 'foods.update', { id, food })
  }

  function remove(id: string): Promise<{ hidden: boolean }> {
    return callThen(afterChange, 'foods.delete', { id })
  }

  function importCsv(csv: string): Promise<ImportResult> {
    return callThen(afterChange, 'foods.importCsv', { csv })
  }

  return {
    query,
    group,
    sort,
    results,
    more,
    searching,
    searchError,
    groups,
    mine,
    search,
    loadGroups,
    details,
    loadMine,
    create,
    update,
    remove,
    importCsv
  }
})
