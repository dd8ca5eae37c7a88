// One colour per value-chain stage (the level-1 concepts of value-chain.json), from upstream to
// downstream: earth and metal tones for raw materials and refining, warm tones for the cathode
// chain, blues for cells, purples for packs and applications, greens for second life and
// recycling, and a neutral grey for the cross-cutting themes. Based on the Okabe–Ito
// colour-blind-safe palette; points and swatches always get a dark outline, so light colours
// keep a 3:1 contrast against the map.
export const STAGE_COLOURS: Record<string, string> = {
  raw: '#8c510a',
  refining: '#d55e00',
  pcam: '#e69f00',
  cam: '#f0e442',
  anode: '#3b3b3b',
  electrolyte: '#56b4e9',
  separator: '#999933',
  cell: '#0072b2',
  pack: '#5e3c99',
  app: '#cc79a7',
  'second-life': '#80cdc1',
  recycling: '#009e73',
  cross: '#a3adb4',
};

/** For an organisation without any value-chain competence. */
export const NO_STAGE_COLOUR = '#ffffff';

export function stageColour(stageId: string | undefined): string {
  if (!stageId) return NO_STAGE_COLOUR;
  return STAGE_COLOURS[stageId] ?? '#6b7a84';
}
