import type { Command, Option } from 'commander';

/** One command of the tree, as completion needs it. */
interface Node {
  /** Space-separated command path (`users list`), empty for the root. */
  readonly path: string;
  readonly subs: readonly string[];
  readonly flags: readonly string[];
  /** What the first argument can be (`completion bash|zsh|fish`, `import <resource>`). */
  readonly args: readonly string[];
}

/** What completion knows besides the tree: flags taking a value, and each command's flag choices. */
interface Values {
  /** Every flag that takes a value (its next word is not a command). */
  readonly flags: Set<string>;
  /** `path|flag` → the values that command's flag accepts (`export|--output` → csv ndjson json). */
  readonly choices: Map<string, readonly string[]>;
  /** Resources by what they can do, for `import <resource>` (create) and `export <resource>` (list). */
  readonly resources: { readonly create: readonly string[]; readonly list: readonly string[] };
}

/** The shells `audian completion` writes scripts for. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;

/** One of {@link SHELLS}. */
export type Shell = (typeof SHELLS)[number];

function flagsOf(option: Option): string[] {
  return [option.long, option.short].filter((f): f is string => typeof f === 'string');
}

function collect(cmd: Command, path: string, inherited: readonly Option[], nodes: Node[], values: Values): void {
  const options = [...inherited, ...cmd.options];
  const subs = cmd.commands.flatMap((c) => [c.name(), ...c.aliases()]);
  if (cmd.commands.length > 0) subs.push('help');
  // A leaf's first argument: fixed choices (`completion bash|zsh|fish`), or the resources a
  // command can act on (`import <resource>` the creatable ones, `export <resource>` the listable).
  const first = cmd.commands.length === 0 ? cmd.registeredArguments[0] : undefined;
  const args =
    first?.argChoices ?? (first?.name() === 'resource' ? (path === 'import' ? values.resources.create : values.resources.list) : []);
  const flags = [...new Set([...options.flatMap(flagsOf), '--help', '-h'])];
  nodes.push({ path, subs, flags, args });
  for (const option of options) {
    if (!option.required && !option.optional) continue;
    for (const flag of flagsOf(option)) {
      values.flags.add(flag);
      if (option.argChoices) values.choices.set(`${path}|${flag}`, option.argChoices);
    }
  }
  const globals = path === '' ? cmd.options : inherited;
  for (const sub of cmd.commands) {
    for (const name of [sub.name(), ...sub.aliases()]) collect(sub, path ? `${path} ${name}` : name, globals, nodes, values);
  }
}

function quote(words: readonly string[]): string {
  return words.join(' ').replace(/[^A-Za-z0-9_.:@,/ -]/g, '');
}

/** Lists the saved profile names (for `--profile`), through the CLI itself. */
const PROFILE_NAMES = 'audian profiles list --output tsv --fields name 2>/dev/null | tail -n +2';

/** The shell functions both bash and zsh read (POSIX `case` tables). */
function tables(nodes: readonly Node[], values: Values): string {
  const subs = nodes.filter((n) => n.subs.length).map((n) => `    "${n.path}") echo "${quote(n.subs)}" ;;`);
  const args = nodes.filter((n) => n.args.length).map((n) => `    "${n.path}") echo "${quote(n.args)}" ;;`);
  const flags = nodes.map((n) => `    "${n.path}") echo "${quote(n.flags)}" ;;`);
  const choices = [...values.choices].filter(([, v]) => v.length).map(([key, v]) => `    "${key}") echo "${quote(v)}" ;;`);
  return `_audian_subs() {
  case "$1" in
${subs.join('\n')}
  esac
}
_audian_args() {
  case "$1" in
${args.join('\n')}
  esac
}
_audian_flags() {
  case "$1" in
${flags.join('\n')}
  esac
}
_audian_choices() {
  case "$1" in
    *"|--profile") ${PROFILE_NAMES} ;;
${choices.join('\n')}
  esac
}
_audian_value_flags=" ${quote([...values.flags])} "
_audian_walk() {
  local cmdpath="" skip=0 positionals=0 w
  for w in "$@"; do
    if [ "$skip" = 1 ]; then skip=0; continue; fi
    case "$w" in
      --*=*) continue ;;
      -*) case "$_audian_value_flags" in *" $w "*) skip=1 ;; esac; continue ;;
    esac
    case " $(_audian_subs "$cmdpath") " in
      *" $w "*) cmdpath="\${cmdpath:+$cmdpath }$w" ;;
      *) positionals=$((positionals + 1)) ;;
    esac
  done
  echo "$positionals $cmdpath"
}
_audian_cmdpath() {
  local walked
  walked="$(_audian_walk "$@")"
  echo "\${walked#* }"
}
_audian_words() {
  local walked subs
  walked="$(_audian_walk "$@")"
  subs="$(_audian_subs "\${walked#* }")"
  if [ -n "$subs" ]; then echo "$subs"; elif [ "\${walked%% *}" = 0 ]; then _audian_args "\${walked#* }"; fi
}`;
}

function bash(body: string): string {
  return `# bash completion for audian. Load it with:  source <(audian completion bash)
# or save it:  audian completion bash > ~/.local/share/bash-completion/completions/audian
${body}
_audian_complete() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  local cmdpath choices
  cmdpath="$(_audian_cmdpath "\${COMP_WORDS[@]:1:COMP_CWORD-1}")"
  choices="$(_audian_choices "$cmdpath|$prev")"
  if [ -n "$choices" ]; then COMPREPLY=($(compgen -W "$choices" -- "$cur")); return; fi
  case "$_audian_value_flags" in *" $prev "*) COMPREPLY=(); return ;; esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$(_audian_flags "$cmdpath")" -- "$cur"))
  else
    COMPREPLY=($(compgen -W "$(_audian_words "\${COMP_WORDS[@]:1:COMP_CWORD-1}")" -- "$cur"))
  fi
}
complete -o default -F _audian_complete audian
`;
}

function zsh(body: string): string {
  return `#compdef audian
# zsh completion for audian. Load it with:  source <(audian completion zsh)
# or save it as _audian in a directory of your $fpath.
${body}
_audian() {
  local cur="\${words[CURRENT]}" prev="\${words[CURRENT-1]}"
  local cmdpath choices subs
  cmdpath="$(_audian_cmdpath "\${(@)words[2,CURRENT-1]}")"
  choices="$(_audian_choices "$cmdpath|$prev")"
  if [[ -n "$choices" ]]; then compadd -- \${=choices}; return; fi
  if [[ "$_audian_value_flags" == *" $prev "* ]]; then _files; return; fi
  if [[ "$cur" == -* ]]; then
    compadd -- \${=$(_audian_flags "$cmdpath")}
  else
    subs="$(_audian_words "\${(@)words[2,CURRENT-1]}")"
    if [[ -n "$subs" ]]; then compadd -- \${=subs}; else _files; fi
  fi
}
if (( $+functions[compdef] )); then compdef _audian audian; fi
`;
}

function fish(nodes: readonly Node[], values: Values): string {
  const subs = nodes.filter((n) => n.subs.length).map((n) => `        case '${n.path}'\n            echo ${quote(n.subs)}`);
  const args = nodes.filter((n) => n.args.length).map((n) => `        case '${n.path}'\n            echo ${quote(n.args)}`);
  const flags = nodes.map((n) => `        case '${n.path}'\n            echo ${quote(n.flags)}`);
  const choices = [...values.choices].filter(([, v]) => v.length).map(([key, v]) => `        case '${key}'\n            echo ${quote(v)}`);
  return `# fish completion for audian. Load it with:  audian completion fish | source
# or save it:  audian completion fish > ~/.config/fish/completions/audian.fish
function __audian_subs
    switch $argv[1]
${subs.join('\n')}
    end
end
function __audian_flags
    switch $argv[1]
${flags.join('\n')}
    end
end
function __audian_args
    switch $argv[1]
${args.join('\n')}
    end
end
function __audian_choices
    switch $argv[1]
        case '*|--profile'
            ${PROFILE_NAMES}
${choices.join('\n')}
    end
end
function __audian_complete
    set -l value_flags ${quote([...values.flags])}
    set -l tokens (commandline -opc)
    set -l cur (commandline -ct)
    set -l cmdpath ''
    set -l skip 0
    set -l positionals 0
    for w in $tokens[2..-1]
        if test $skip = 1
            set skip 0
            continue
        end
        if string match -q -- '-*' $w
            if contains -- $w $value_flags
                set skip 1
            end
            continue
        end
        if contains -- $w (string split ' ' -- (__audian_subs "$cmdpath"))
            set cmdpath (string trim -- "$cmdpath $w")
        else
            set positionals (math $positionals + 1)
        end
    end
    set -l prev $tokens[-1]
    set -l choices (__audian_choices "$cmdpath|$prev")
    if test -n "$choices"
        string split ' ' -- $choices
        return
    end
    if contains -- $prev $value_flags
        __fish_complete_path $cur
        return
    end
    if string match -q -- '-*' $cur
        string split ' ' -- (__audian_flags "$cmdpath")
        return
    end
    set -l subs (__audian_subs "$cmdpath")
    if test -z "$subs"; and test $positionals = 0
        set subs (__audian_args "$cmdpath")
    end
    if test -n "$subs"
        string split ' ' -- $subs
    else
        __fish_complete_path $cur
    end
end
complete -c audian -f -a '(__audian_complete)'
`;
}

/**
 * A completion script for `shell` covering every command, resource, sub-command and flag of
 * `program` (and the choices of flags such as `--output`).
 */
export function completionScript(program: Command, shell: Shell): string {
  const nodes: Node[] = [];
  // Resources are the commands of the help's resources group (`profiles list` is not one).
  const resources = program.commands.filter((c) => /resources/i.test(c.helpGroup()));
  const able = (verb: string) => resources.filter((c) => c.commands.some((s) => s.name() === verb)).map((c) => c.name());
  const values: Values = { flags: new Set(), choices: new Map(), resources: { create: able('create'), list: able('list') } };
  collect(program, '', [], nodes, values);
  if (shell === 'fish') return fish(nodes, values);
  const body = tables(nodes, values);
  return shell === 'bash' ? bash(body) : zsh(body);
}
