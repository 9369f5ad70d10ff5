import { Argument, Command } from 'commander';
import { completionScript, SHELLS, type Shell } from '../internal/completion-script';
import { write } from '../internal/stdout';

/** `audian completion bash|zsh|fish`. */
export function completionCommand(): Command {
  return new Command('completion')
    .description('print a shell completion script for commands, resources, verbs and flags')
    .addArgument(new Argument('<shell>', 'the shell').choices([...SHELLS]))
    .addHelpText(
      'after',
      `
Examples:
  source <(audian completion bash)                          # in ~/.bashrc
  source <(audian completion zsh)                           # in ~/.zshrc (after compinit)
  audian completion fish > ~/.config/fish/completions/audian.fish`,
    )
    .action(async (shell: Shell) => {
      const { buildFullProgram } = await import('../program');
      await write(completionScript(await buildFullProgram(), shell));
    });
}
