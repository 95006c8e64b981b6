// The bench's figures, measured in this order. A measure is
//
//   { name: 'journal-query', async run(ctx) { return [{ name, value, unit, target?, note? }] } }
//
// returning one or more figures. `name` becomes the JSON key (snake_case, unit
// suffix), `target` is shown beside the value for reference only: figures are
// never pass/fail. ctx holds:
//   ctx.runs              how many repetitions timed figures should take the median of
//   await ctx.harness()   the web harness on a fresh copy of the seeded data folder,
//                         started on first use and shared: { url, invoke(channel, input) }
//   ctx.dataDir           that copy (writes there never reach the seeded original)
//   ctx.seeded            { dir, days, startDate, endDate, reused } of the seeded folder
//   ctx.log(message)      progress on stderr (stdout is kept for the table and the JSON)
//   ctx.figures           the figures measured so far in this run (for shares and ratios)
import { afterSave } from './after-save.mjs'
import { articleOpen, articleSearch } from './articles.mjs'
import { dataFigures } from './data.mjs'
import { firstVisit } from './first-visit.mjs'
import { initialJs } from './initial-js.mjs'
import { journalFigures } from './journal.mjs'
import { loadTime } from './load-time.mjs'
import { mainReady } from './main-ready.mjs'
import { planner } from './planner.mjs'
import { report } from './report.mjs'
import { scaling } from './scaling.mjs'
import { schedulerYear } from './scheduler-year.mjs'
import { sleepImport } from './sleep-import.mjs'

export const measures = [
  loadTime,
  mainReady,
  initialJs,
  journalFigures,
  articleSearch,
  articleOpen,
  planner,
  report,
  firstVisit,
  afterSave,
  scaling,
  schedulerYear,
  dataFigures,
  sleepImport
]
