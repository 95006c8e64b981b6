/**
 * A small list of medicine classes that matter in RLS, with the generic and
 * common brand names people are likely to type. Used only to recognise a name
 * (so Stillwell knows, for example, that a dopamine agonist is being taken and
 * the augmentation watch applies); an unknown name is perfectly fine and is
 * simply left unclassified. Pure.
 *
 * The list is written for this project from these sources:
 * - Winkelman JW et al. Treatment of restless legs syndrome and periodic limb
 *   movement disorder: an AASM clinical practice guideline. J Clin Sleep Med
 *   2025;21(1):137–152 (dopaminergic agents, gabapentinoids, opioids, iron).
 * - Silber MH et al. The management of restless legs syndrome: an updated
 *   algorithm. Mayo Clin Proc 2021;96(7):1921–1937 (medicines that can worsen
 *   RLS: sedating antihistamines, dopamine-blocking antiemetics and
 *   antipsychotics, most antidepressants).
 * - García-Borreguero D et al. Augmentation as a treatment complication of
 *   restless legs syndrome: concept and management. Mov Disord 2007;22(S18)
 *   (augmentation with levodopa and the dopamine agonists).
 * Brand names vary by country; the ones here are common in English-speaking
 * and European markets. This is not a prescribing reference.
 */
export const DRUG_CLASSES = [
  'dopaminergic',
  'gabapentinoid',
  'opioid',
  'sedating-antihistamine',
  'dopamine-blocker',
  'antidepressant',
  'iron',
  'magnesium'
] as const
export type DrugClass = (typeof DRUG_CLASSES)[number]

export const DRUG_CLASS_LABELS: Record<DrugClass, string> = {
  dopaminergic: 'Dopamine agonist or levodopa',
  gabapentinoid: 'Gabapentinoid',
  opioid: 'Opioid',
  'sedating-antihistamine': 'Sedating antihistamine',
  'dopamine-blocker': 'Dopamine-blocking antiemetic or antipsychotic',
  antidepressant: 'Antidepressant (SSRI, SNRI, mirtazapine or tricyclic)',
  iron: 'Iron',
  magnesium: 'Magnesium'
}

/** What each class means for RLS, in one plain sentence. */
export const DRUG_CLASS_NOTES: Record<DrugClass, string> = {
  dopaminergic:
    'Eases RLS at first; over months it can make symptoms start earlier and spread (augmentation), so changes are worth watching.',
  gabapentinoid: 'A first-choice RLS treatment in the 2024 guideline; it can cause drowsiness and dizziness.',
  opioid: 'Used at low doses for RLS that other treatments do not control, under close medical care.',
  'sedating-antihistamine': 'Can make RLS worse in many people; ask about alternatives for sleep or allergies.',
  'dopamine-blocker': 'Blocks dopamine and can make RLS worse; ask whether an alternative would suit you.',
  antidepressant: 'Several can make RLS worse in some people; never stop one without your doctor.',
  iron: 'Helps RLS when iron stores are low; blood tests guide whether and how much.',
  magnesium: 'Evidence for RLS is weak; large doses upset the gut and need care with kidney disease.'
}

/** Lower-case names, one class each. Multi-word names are matched as whole phrases. */
const NAMES: Record<DrugClass, readonly string[]> = {
  dopaminergic: [
    'pramipexole',
    'mirapex',
    'mirapexin',
    'sifrol',
    'ropinirole',
    'requip',
    'adartrel',
    'rotigotine',
    'neupro',
    'levodopa',
    'l-dopa',
    'carbidopa',
    'benserazide',
    'sinemet',
    'madopar',
    'stalevo',
    'rytary',
    'cabergoline',
    'cabaser',
    'bromocriptine',
    'parlodel'
  ],
  gabapentinoid: ['gabapentin', 'gabapentin enacarbil', 'neurontin', 'gralise', 'horizant', 'pregabalin', 'lyrica'],
  opioid: [
    'oxycodone',
    'oxycontin',
    'targin',
    'targinact',
    'methadone',
    'tramadol',
    'ultram',
    'buprenorphine',
    'codeine',
    'morphine',
    'hydrocodone',
    'tapentadol'
  ],
  'sedating-antihistamine': [
    'diphenhydramine',
    'benadryl',
    'nytol',
    'zzzquil',
    'doxylamine',
    'unisom',
    'promethazine',
    'phenergan',
    'chlorphenamine',
    'chlorpheniramine',
    'piriton',
    'hydroxyzine',
    'atarax',
    'cyproheptadine'
  ],
  'dopamine-blocker': [
    'metoclopramide',
    'reglan',
    'maxolon',
    'prochlorperazine',
    'stemetil',
    'compazine',
    'haloperidol',
    'haldol',
    'olanzapine',
    'zyprexa',
    'quetiapine',
    'seroquel',
    'risperidone',
    'risperdal',
    'chlorpromazine',
    'droperidol'
  ],
  antidepressant: [
    'sertraline',
    'zoloft',
    'lustral',
    'fluoxetine',
    'prozac',
    'citalopram',
    'celexa',
    'cipramil',
    'escitalopram',
    'lexapro',
    'cipralex',
    'paroxetine',
    'paxil',
    'seroxat',
    'fluvoxamine',
    'venlafaxine',
    'effexor',
    'duloxetine',
    'cymbalta',
    'desvenlafaxine',
    'pristiq',
    'mirtazapine',
    'remeron',
    'zispin',
    'amitriptyline',
    'elavil',
    'nortriptyline',
    'pamelor',
    'imipramine',
    'clomipramine',
    'doxepin',
    'silenor'
  ],
  iron: [
    'iron',
    'ferrous sulfate',
    'ferrous sulphate',
    'ferrous gluconate',
    'ferrous fumarate',
    'ferrous bisglycinate',
    'iron bisglycinate',
    'ferric carboxymaltose',
    'ferinject',
    'injectafer',
    'iron sucrose',
    'venofer',
    'ferric derisomaltose',
    'monofer',
    'ferumoxytol',
    'feraheme',
    'feosol',
    'slow fe',
    'ferrograd'
  ],
  magnesium: ['magnesium']
}

function words(text: string): string {
  return ` ${text
    .toLocaleLowerCase()
    .replace(/[^a-z0-9-]+/g, ' ')
    .trim()} `
}

/**
 * The class of a typed medicine name, or null when it is not on the list.
 * Matching is case-insensitive and by whole words, so "Ropinirole XL 2 mg" is
 * a dopamine agonist and "Sinemet 25/100" is levodopa, while "ironman" is
 * nothing. Combination products take the first class listed above.
 */
export function classifyMedication(name: string): DrugClass | null {
  const text = words(name)
  for (const drugClass of DRUG_CLASSES) {
    if (NAMES[drugClass].some((known) => text.includes(` ${known} `))) return drugClass
  }
  return null
}
