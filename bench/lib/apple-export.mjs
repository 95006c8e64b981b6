// Writes a synthetic Apple Health export.xml of a chosen size, streamed to
// disk (never held in memory): `years` of Apple Watch sleep with stages,
// mixed with step and heart-rate records the importer has to pass over, as
// real exports are mostly those. Deterministic for a given seed.
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { mulberry32 } from './prng.mjs'

const HEADER = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE HealthData [
<!-- HealthKit Export Version: 12 -->
<!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary|ClinicalRecord)*)>
<!ATTLIST HealthData
  locale CDATA #REQUIRED
>
]>
<HealthData locale="en_GB">
 <ExportDate value="2025-01-02 09:00:00 +0000"/>
 <Me HKCharacteristicTypeIdentifierDateOfBirth="" HKCharacteristicTypeIdentifierBiologicalSex="HKBiologicalSexNotSet" HKCharacteristicTypeIdentifierBloodType="HKBloodTypeNotSet" HKCharacteristicTypeIdentifierFitzpatrickSkinType="HKFitzpatrickSkinTypeNotSet"/>
`

const pad = (n) => String(n).padStart(2, '0')
/** Apple's date layout, in UTC ("+0000"), from epoch ms. */
function appleDate(ms) {
  const d = new Date(ms)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`
}

const STAGES = ['HKCategoryValueSleepAnalysisAsleepCore', 'HKCategoryValueSleepAnalysisAsleepDeep', 'HKCategoryValueSleepAnalysisAsleepCore', 'HKCategoryValueSleepAnalysisAsleepREM']

function sleepRecord(value, start, end) {
  return (
    ` <Record type="HKCategoryTypeIdentifierSleepAnalysis" sourceName="Apple Watch" sourceVersion="10.1" device="&lt;&lt;HKDevice: 0x1&gt;, name:Apple Watch, model:Watch&gt;" creationDate="${appleDate(end)}" startDate="${appleDate(start)}" endDate="${appleDate(end)}" value="${value}">\n` +
    '  <MetadataEntry key="HKTimeZone" value="Europe/London"/>\n </Record>\n'
  )
}

function fillerRecord(random, at) {
  if (random() < 0.5) {
    return ` <Record type="HKQuantityTypeIdentifierHeartRate" sourceName="Apple Watch" sourceVersion="10.1" unit="count/min" creationDate="${appleDate(at)}" startDate="${appleDate(at)}" endDate="${appleDate(at)}" value="${55 + Math.floor(random() * 60)}">\n  <MetadataEntry key="HKMetadataKeyHeartRateMotionContext" value="0"/>\n </Record>\n`
  }
  return ` <Record type="HKQuantityTypeIdentifierStepCount" sourceName="iPhone" sourceVersion="17.2" unit="count" creationDate="${appleDate(at + 600_000)}" startDate="${appleDate(at)}" endDate="${appleDate(at + 600_000)}" value="${Math.floor(random() * 900)}"/>\n`
}

/**
 * @param {string} path where to write export.xml
 * @param {{ bytes: number, years: number, seed: number }} options
 * @returns {Promise<{ bytes: number, nights: number, sleepRecords: number }>}
 */
export async function writeAppleExport(path, { bytes, years, seed }) {
  const random = mulberry32(seed)
  const out = createWriteStream(path)
  let written = 0
  const write = async (text) => {
    written += Buffer.byteLength(text)
    if (!out.write(text)) await once(out, 'drain')
  }
  await write(HEADER)
  const nights = Math.round(years * 365.25)
  const first = Date.UTC(2017, 0, 1, 22, 0, 0)
  // Spread the filler evenly between nights so the sleep records are spread through the file.
  const sleepBytesGuess = nights * 12 * 420
  const fillerPerNight = Math.max(0, Math.round((bytes - sleepBytesGuess - HEADER.length) / nights / 260))
  let sleepRecords = 0
  for (let n = 0; n < nights; n++) {
    const night = first + n * 86_400_000 + Math.floor(random() * 90) * 60_000
    let chunk = ''
    for (let f = 0; f < fillerPerNight; f++) chunk += fillerRecord(random, night - 12 * 3_600_000 + f * 60_000)
    const end = night + (6.5 + random() * 2) * 3_600_000
    chunk += sleepRecord('HKCategoryValueSleepAnalysisInBed', night, end)
    sleepRecords++
    let t = night + (5 + Math.floor(random() * 25)) * 60_000
    let stage = 0
    while (t < end - 20 * 60_000) {
      const length = (20 + Math.floor(random() * 70)) * 60_000
      const stop = Math.min(end - 5 * 60_000, t + length)
      chunk += sleepRecord(STAGES[stage++ % STAGES.length], t, stop)
      sleepRecords++
      if (random() < 0.3) {
        const awake = (2 + Math.floor(random() * 15)) * 60_000
        chunk += sleepRecord('HKCategoryValueSleepAnalysisAwake', stop, stop + awake)
        sleepRecords++
        t = stop + awake
      } else t = stop
    }
    await write(chunk)
  }
  await write('</HealthData>\n')
  out.end()
  await once(out, 'finish')
  return { bytes: written, nights, sleepRecords }
}
