import { topicIdsOf, uriOf } from './commandArgs';
import type { CommandHandlers } from './commandTable';
import type { Services } from './services';

/** Open Map and Export Map. */
export function mapHandlers({ map }: Services): Pick<CommandHandlers, 'openMap' | 'exportMap'> {
  return {
    openMap: (target) => map.show(topicIdsOf(target, undefined)[0]),
    exportMap: (file, format) => map.exportMap(uriOf(file), format === 'svg' || format === 'png' ? format : undefined),
  };
}
