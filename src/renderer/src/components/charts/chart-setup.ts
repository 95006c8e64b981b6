/**
 * Chart.js with only the parts Stillwell draws, so the bundle carries no
 * unused controllers, scales or plugins (tree-shaking keeps the rest out).
 * Category x axes take pre-formatted labels, so no date adapter is needed.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip
} from 'chart.js'

Chart.register(BarController, BarElement, CategoryScale, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip)

export { Chart }
