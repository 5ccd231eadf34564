/**
 * A V8 CPU profile (`.cpuprofile`, as the inspector's Profiler.stop returns it) shared out by
 * area: each busy sample goes to the first area, from the sampled function up to the root, whose
 * rule names a frame of its stack. Idle samples are left out.
 */

export interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string };
    children?: number[];
  }>;
  samples: number[];
}

type CallFrame = CpuProfile['nodes'][number]['callFrame'];

export interface Area {
  name: string;
  /** Whether a frame belongs to the area. */
  has: (frame: CallFrame) => boolean;
  /** Whether any frame of a stack puts the whole stack here, before the nearest frame's area. */
  wholeStack?: boolean;
}

export interface AreaShare {
  name: string;
  /** Of the busy samples, 0..1. */
  share: number;
}

const IDLE = '(idle)';
const OTHER = 'other';

/** Each sample's stack, from the sampled function up to the root. */
function stacksOf(profile: CpuProfile): Map<number, CallFrame[]> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parentOf.set(child, node.id);
  const stacks = new Map<number, CallFrame[]>();
  for (const id of new Set(profile.samples)) {
    const stack: CallFrame[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      stack.push(byId.get(at)!.callFrame);
    }
    stacks.set(id, stack);
  }
  return stacks;
}

/** The busy samples' shares by area, largest first; what no area names is `other`. */
export function shareByArea(profile: CpuProfile, areas: readonly Area[]): AreaShare[] {
  const stacks = stacksOf(profile);
  const counts = new Map<string, number>();
  let busy = 0;
  for (const sample of profile.samples) {
    const stack = stacks.get(sample)!;
    if (stack[0]!.functionName === IDLE) continue;
    busy += 1;
    const area =
      areas.find((candidate) => candidate.wholeStack && stack.some(candidate.has)) ??
      stack.map((frame) => areas.find((candidate) => candidate.has(frame))).find(Boolean);
    const name = area?.name ?? OTHER;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts]
    .map(([name, count]) => ({ name, share: count / busy }))
    .sort((a, b) => b.share - a.share);
}
