import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { WORKSPACE_ROOT } from './source-script.js';

/** One service of compose.yaml, as much of it as the deployment tests read. */
export interface ComposeService {
  image?: string;
  build?: { context: string; target?: string };
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test?: unknown; disable?: boolean };
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
  /** Published ports (`host:container`). */
  ports?: string[];
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

/**
 * Compose's interpolation: `${NAME}`, `${NAME:-default}`, `${NAME:?error}` from `env`, and `$$`
 * for a literal `$`. A required variable that is missing throws its error, as `docker compose` does.
 */
export function interpolate(text: string, env: Record<string, string | undefined>): string {
  return text.replace(
    /\$\$|\$\{(\w+)(?::([-?])([^}]*))?\}/g,
    (match, name: string | undefined, operator: string | undefined, word: string | undefined) => {
      if (match === '$$') return '$';
      const value = env[name!];
      if (value !== undefined && value !== '') return value;
      if (operator === '?') throw new Error(`${name}: ${word}`);
      return operator === '-' ? word! : '';
    },
  );
}

/** compose.yaml of the workspace as Compose reads it: interpolated, anchors and `<<` merges resolved. */
export function readComposeFile(
  env: Record<string, string | undefined>,
  root = WORKSPACE_ROOT,
): ComposeFile {
  const text = readFileSync(path.join(root, 'compose.yaml'), 'utf8');
  return parse(interpolate(text, env), { merge: true }) as ComposeFile;
}

/** One stage of the Dockerfile: its base image and its instructions, continuation lines joined. */
export interface DockerStage {
  name: string;
  from: string;
  instructions: string[];
}

/** The stages of the workspace's Dockerfile, with its `ARG` defaults substituted in `FROM`. */
export function readDockerfileStages(root = WORKSPACE_ROOT): DockerStage[] {
  const text = readFileSync(path.join(root, 'Dockerfile'), 'utf8').replace(/\\\n/g, ' ');
  const args = new Map<string, string>();
  const stages: DockerStage[] = [];
  for (const line of text.split('\n').map((raw) => raw.trim())) {
    if (line === '' || line.startsWith('#')) continue;
    const arg = /^ARG\s+(\w+)=(\S+)$/.exec(line);
    if (arg && stages.length === 0) args.set(arg[1]!, arg[2]!);
    const from = /^FROM\s+(\S+)\s+AS\s+(\S+)$/i.exec(line);
    if (from) {
      const image = from[1]!.replace(
        /\$\{(\w+)\}/g,
        (_match, name: string) => args.get(name) ?? '',
      );
      stages.push({ name: from[2]!, from: image, instructions: [] });
    } else {
      stages.at(-1)?.instructions.push(line);
    }
  }
  return stages;
}
