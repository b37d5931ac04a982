/** The `berth` command. */
import { Command } from 'commander';

import { agentCommand } from './commands/agent-command.js';
import { gcCommand } from './commands/gc-command.js';
import { logsCommand } from './commands/logs-command.js';
import { serverCommand } from './commands/server-command.js';
import { reclaimSpotCommand } from './commands/reclaim-spot-command.js';
import { usageCommand } from './commands/usage-command.js';

const program = new Command('berth')
  .description('A self-hosted container orchestrator that speaks the Amazon ECS API')
  .version('0.1.0')
  .addCommand(serverCommand())
  .addCommand(agentCommand())
  .addCommand(usageCommand())
  .addCommand(logsCommand())
  .addCommand(reclaimSpotCommand())
  .addCommand(gcCommand());

program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`berth: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
