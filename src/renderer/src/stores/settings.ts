import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Onboarding, Settings, SettingsPatch } from '../../../shared/contract'
import { call } from '../api'

export const useSettingsStore = defineStore('settings', () => {
  const settings = ref<Settings | null>(null)
  const loading = ref<Promise<Settings> | null>(null)

  const loaded = computed(() => settings.value !== null)
  const onboarded = computed(() => settings.value?.onboarded === true)

  /** Loads once; later calls reuse the same answer. */
  function load(): Promise<Settings> {
    if (settings.value) return Promise.resolve(settings.value)
    loading.value ??= call('settings.get').then((value) => {
      settings.value = value
      return value
    })
    return loading.value
  }

  async function update(patch: SettingsPatch): Promise<Settings> {
    settings.value = await call('settings.update', patch)
    return settings.value
  }

  async function completeOnboarding(input: Onboarding): Promise<Settings> {
    settings.value = await call('settings.completeOnboarding', input)
    return settings.value
  }

  return { settings, loading, loaded, onboarded, load, update, completeOnboarding }
})
