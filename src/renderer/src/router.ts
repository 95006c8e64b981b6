import { createRouter, createWebHashHistory, type RouteRecordRaw, type Router } from 'vue-router'
// The everyday first screen is part of the entry script, not a route chunk: one download instead of a
// dozen small ones (HTTP/1.1 fetches six at a time; the rest waited their turn on every start).
import TodayView from './features/today/TodayView.vue'
import { rangeToShow } from '../../shared/domain/insights-range'
import { useInsightsStore } from './stores/insights'
import { reportPeriod, startReport } from './features/report/report-request'
import { useSettingsStore } from './stores/settings'

export const SECTIONS = [
  { name: 'today', path: '/today', label: 'Today' },
  { name: 'wind-down', path: '/wind-down', label: 'Wind-down' },
  { name: 'journal', path: '/journal', label: 'Journal' },
  { name: 'insights', path: '/insights', label: 'Insights' },
  { name: 'experiments', path: '/experiments', label: 'Experiments' },
  { name: 'planner', path: '/planner', label: 'Planner' },
  { name: 'reader', path: '/reader', label: 'Reader' },
  { name: 'settings', path: '/settings', label: 'Settings' }
] as const

const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/today' },
  { path: '/welcome', name: 'welcome', component: () => import('./features/onboarding/WelcomeView.vue'), meta: { title: 'Welcome' } },
  { path: '/today', name: 'today', component: TodayView, meta: { title: 'Today' } },
  { path: '/journal', name: 'journal', component: () => import('./features/journal/JournalView.vue'), meta: { title: 'Journal' } },
  {
    path: '/insights',
    name: 'insights',
    component: () => import('./features/insights/InsightsView.vue'),
    meta: { title: 'Insights' },
    // The charts' data is asked for now, while the view's code loads, instead of once the view has mounted.
    beforeEnter: (to) => {
      const insights = useInsightsStore()
      insights.prefetch(rangeToShow(to.query['range'], insights.query))
    }
  },
  {
    path: '/experiments',
    name: 'experiments',
    component: () => import('./features/experiments/ExperimentsView.vue'),
    meta: { title: 'Experiments' }
  },
  {
    path: '/sleep-import',
    name: 'sleep-import',
    component: () => import('./features/sleep-import/SleepImportView.vue'),
    meta: { title: 'Import sleep' }
  },
  {
    path: '/report',
    name: 'report',
    component: () => import('./features/report/ReportView.vue'),
    meta: { title: 'Doctor report' },
    // The report's data is asked for now, so it arrives while the view's code loads; the view takes it.
    beforeEnter: (to) => startReport(reportPeriod(to.query))
  },
  { path: '/planner', name: 'planner', component: () => import('./features/planner/PlannerView.vue'), meta: { title: 'Planner' } },
  {
    // Grouped so the navigation's Reader link stays highlighted while an article is open.
    path: '/reader',
    children: [
      { path: '', name: 'reader', component: () => import('./features/reader/ReaderView.vue'), meta: { title: 'Reader' } },
      {
        path: ':slug([a-z0-9-]+)',
        name: 'article',
        component: () => import('./features/reader/ArticleView.vue'),
        meta: { title: 'Reader' }
      }
    ]
  },
  {
    path: '/wind-down',
    name: 'wind-down',
    component: () => import('./features/wind-down/WindDownView.vue'),
    meta: { title: 'Wind-down' }
  },
  {
    path: '/settings/:section?',
    name: 'settings',
    component: () => import('./features/settings/SettingsView.vue'),
    meta: { title: 'Settings' }
  },
  { path: '/:unknown(.*)*', redirect: '/today' }
]

export function createAppRouter(): Router {
  const router = createRouter({ history: createWebHashHistory(), routes })

  // Until the first-run screen is done, every route leads to it; afterwards it is skipped.
  router.beforeEach(async (to) => {
    const settings = await useSettingsStore().load()
    if (!settings.onboarded && to.name !== 'welcome') return { name: 'welcome' }
    if (settings.onboarded && to.name === 'welcome') return { name: 'today' }
    return true
  })

  router.afterEach((to) => {
    const title = typeof to.meta['title'] === 'string' ? to.meta['title'] : ''
    document.title = title ? `${title} · Stillwell` : 'Stillwell'
  })
  return router
}
