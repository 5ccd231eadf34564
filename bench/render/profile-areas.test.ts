import { describe, expect, it } from 'vitest';
import { type Area, type CpuProfile, shareByArea } from './profile-areas.js';

const frame = (functionName: string, url = '') => ({ functionName, url });

/** root -> handler (app.js) -> render (react-dom) -> escape (app.js); root -> (idle); root -> gc. */
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 5, 6] },
    { id: 2, callFrame: frame('handler', 'file:///app.js'), children: [3] },
    { id: 3, callFrame: frame('render', 'file:///node_modules/react-dom/index.js'), children: [4] },
    { id: 4, callFrame: frame('escape', 'file:///app.js') },
    { id: 5, callFrame: frame('(idle)') },
    { id: 6, callFrame: frame('(garbage collector)') },
  ],
  samples: [4, 4, 3, 2, 5, 5, 5, 6],
};

const react: Area = { name: 'react', has: (f) => f.url.includes('react-dom') };
const app: Area = { name: 'app', has: (f) => f.url.endsWith('app.js') };

describe('a CPU profile shared out by area', () => {
  it('gives each busy sample to the nearest frame an area names, leaving idle out', () => {
    expect(shareByArea(profile, [react, app])).toEqual([
      { name: 'app', share: 3 / 5 },
      { name: 'react', share: 1 / 5 },
      { name: 'other', share: 1 / 5 },
    ]);
  });

  it('gives a whole stack to an area that claims it, wherever its frame is', () => {
    const underReact: Area = { ...react, wholeStack: true };
    expect(shareByArea(profile, [app, underReact])).toEqual([
      { name: 'react', share: 3 / 5 },
      { name: 'app', share: 1 / 5 },
      { name: 'other', share: 1 / 5 },
    ]);
  });
});
