import type { CommandHandlers } from './commandTable';
import { exerciseHandlers } from './exerciseCommands';
import { mapHandlers } from './mapCommands';
import { navigationHandlers } from './navigationCommands';
import { papersHandlers } from './papersCommands';
import { planHandlers } from './planCommands';
import { progressHandlers } from './progressCommands';
import { quizHandlers } from './quizCommands';
import { roadmapHandlers } from './roadmapCommands';
import { snippetHandlers } from './snippetCommands';
import type { Services } from './services';

/** Every command's handler, by name. Required on the first command (registerCommands.ts), not at activation. */
export function allHandlers(services: Services): CommandHandlers {
  return {
    ...navigationHandlers(services),
    ...progressHandlers(services),
    ...exerciseHandlers(services),
    ...roadmapHandlers(services),
    ...papersHandlers(services),
    ...planHandlers(services),
    ...quizHandlers(services),
    ...snippetHandlers(services),
    ...mapHandlers(services),
  };
}
