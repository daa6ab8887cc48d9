// The typering of the beroepsgroep, part of the dossier resource.
import { section, textBlock } from './text.mjs';

export function typeringSections(typering, level) {
  return [
    section(level, 'Context', textBlock(typering.context)),
    section(level, 'Typerende beroepshouding', textBlock(typering.beroepshouding)),
    section(level, 'Resultaat van de beroepsgroep', textBlock(typering.resultaat)),
  ];
}
