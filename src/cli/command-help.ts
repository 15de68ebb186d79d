import type { Command } from './command.js';
import { argumentSynopsis, optionSynopsis } from './option-spec.js';

/** The left column is at most this wide; a longer left side puts its description on the next line. */
const MAX_LEFT = 34;
/** Descriptions wrap before this column. */
const LINE_WIDTH = 100;

/** Words of `text` in lines of at most `width` characters (a longer word keeps its own line). */
function wrap(text: string, width: number, words = text.split(' ')): string[] {
  const lines: string[] = [];
  for (const word of words) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 1 + word.length <= width) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** Two columns: each left side, then its description, wrapped and indented to the second column. */
function columns(rows: [string, string][]): string[] {
  const width = Math.min(MAX_LEFT, Math.max(...rows.map(([left]) => left.length)));
  const indent = ' '.repeat(width + 4);
  return rows.map(([left, text]) => {
    const lines = wrap(text, LINE_WIDTH - indent.length).map((line) => indent + line);
    if (left.length <= width) lines[0] = `  ${left.padEnd(width)}  ${lines[0].trimStart()}`;
    else lines.unshift(`  ${left}`);
    return lines.join('\n');
  });
}

/** `steppenet <command> --help`: the usage line, what the command does, each argument and each option with its description and default. */
export function commandHelp(command: Command): string {
  const options = Object.entries(command.options).map(([name, o]): [string, string] => {
    const left = `${o.short ? `-${o.short}, ` : ''}${optionSynopsis(name, o)}`;
    const fallback = o.default ?? o.defaultText;
    return [left, `${o.description}${fallback === undefined ? '' : ` (default: ${fallback})`}`];
  });
  // The usage line broken before an option, never inside one.
  const usage = wrap(command.usage, LINE_WIDTH - 7, command.usage.split(/ (?=\[)/)).join('\n       ');
  return [
    `usage: ${usage}`,
    '',
    command.summary,
    ...(command.arguments.length ? ['', 'arguments:', ...columns(command.arguments.map((a) => [argumentSynopsis(a), a.description]))] : []),
    '',
    'options:',
    ...columns([...options, ['-h, --help', 'print this help'], ['--debug', 'show the stack trace of an unexpected error (anywhere on the line)']]),
  ].join('\n');
}
