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

// Each section's code is a chunk of its own: loaded on the way to it, or before, in idle time (PREFETCH_ORDER).
const view = {
  welcome: () => import('./features/onboarding/WelcomeView.vue'),
  journal: () => import('./features/journal/JournalView.vue'),
  insights: () => import('./features/insights/InsightsView.vue'),
  experiments: () => import('./features/experiments/ExperimentsView.vue'),
  sleepImport: () => import('./features/sleep-import/SleepImportView.vue'),
  report: () => import('./features/report/ReportView.vue'),
  planner: () => import('./features/planner/PlannerView.vue'),
  reader: () => import('./features/reader/ReaderView.vue'),
  article: () => import('./features/reader/ArticleView.vue'),
  windDown: () => import('./features/wind-down/WindDownView.vue'),
  settings: () => import('./features/settings/SettingsView.vue')
}

/**
 * The sections whose code is loaded ahead of their first visit once the first screen is up (main.ts), likeliest
 * first: logging last night, then the charts and the day's plan. The first-run screen is not among them.
 */
export const PREFETCH_ORDER = [
  view.journal,
  view.insights,
  view.planner,
  view.windDown,
  view.reader,
  view.settings,
  view.experiments,
  view.report,
  view.article,
  view.sleepImport
] as const

const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/today' },
  { path: '/welcome', name: 'welcome', component: view.welcome, meta: { title: 'Welcome' } },
  { path: '/today', name: 'today', component: TodayView, meta: { title: 'Today' } },
  { path: '/journal', name: 'journal', component: view.journal, meta: { title: 'Journal' } },
  {
    path: '/insights',
    name: 'insights',
    component: view.insights,
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
    component: view.experiments,
    meta: { title: 'Experiments' }
  },
  {
    path: '/sleep-import',
    name: 'sleep-import',
    component: view.sleepImport,
    meta: { title: 'Import sleep' }
  },
  {
    path: '/report',
    name: 'report',
    component: view.report,
    meta: { title: 'Doctor report' },
    // The report's data is asked for now, so it arrives while the view's code loads; the view takes it.
    beforeEnter: (to) => startReport(reportPeriod(to.query))
  },
  { path: '/planner', name: 'planner', component: view.planner, meta: { title: 'Planner' } },
  {
    // Grouped so the navigation's Reader link stays highlighted while an article is open.
    path: '/reader',
    children: [
      { path: '', name: 'reader', component: view.reader, meta: { title: 'Reader' } },
      {
        path: ':slug([a-z0-9-]+)',
        name: 'article',
        component: view.article,
        meta: { title: 'Reader' }
      }
    ]
  },
  {
    path: '/wind-down',
    name: 'wind-down',
    component: view.windDown,
    meta: { title: 'Wind-down' }
  },
  {
    path: '/settings/:section?',
    name: 'settings',
    component: view.settings,
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
