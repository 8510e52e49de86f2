// The server's entry point. The configuration is checked before anything heavy is imported, so a bad value is refused
// at once with the variable's name and rule (exit code 78, EX_CONFIG); then boot.ts starts the server.
import { ConfigError, loadConfig, type Config } from './config.js';

function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    process.stderr.write(`${e.message}\n`);
    process.exit(78);
  }
}

const config = configOrExit();
const { boot } = await import('./boot.js');
await boot(config);
