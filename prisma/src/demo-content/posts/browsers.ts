import { type DemoPost } from '../types.js';

export const browsersPosts: DemoPost[] = [
  {
    slug: 'profiling-page-load-with-the-firefox-profiler',
    title: 'Profiling page load with the Firefox Profiler',
    summary:
      'Recording and reading a performance profile in Firefox: the Web Developer preset, the call tree and flame graph, markers for layout and styles, network tracks, and sharing a profile link with others.',
    categories: ['browsers', 'web-performance'],
    status: 'PUBLISHED',
    publishedAt: '2025-08-28T18:00:00Z',
    body: `A reader told me the archive page of this blog felt sluggish on their laptop. Lighthouse gave it a decent score, so I reached for the Firefox Profiler, which shows what the browser actually spends its time on, thread by thread, millisecond by millisecond.

## Recording a profile

The Performance panel of Firefox's developer tools is built on the [Firefox Profiler](https://profiler.firefox.com/). Open it with \`Shift+F5\` or from the developer tools, pick the **Web Developer** preset, and click *Start recording*. Reload the page, interact with it, then click *Capture recording*: the profile opens in a new tab.

For recording without the developer tools open (they add some overhead), enable the profiler toolbar button from \`about:profiling\`. The keyboard shortcuts \`Ctrl+Shift+1\` (start) and \`Ctrl+Shift+2\` (capture) then work on any tab.

| Preset | Use it for |
| --- | --- |
| Web Developer | Your page's JavaScript, layout and network, with low overhead |
| Firefox Platform | Deep dives into browser internals, mostly for browser engineers |
| Graphics | Rendering and compositing problems such as janky scrolling |
| Media | Audio and video playback |

## Reading it

The top of the profile shows tracks: one per thread and process, with a CPU graph. The page's content process main thread is where your JavaScript, style calculation and layout happen. Select a range on the track to zoom in; every panel below follows the selection.

- **Call Tree**: time per function, top-down. *Invert call stack* lists the functions where time is actually spent, which is usually the more useful view.
- **Flame Graph**: the same data as a picture; wide boxes are where time goes.
- **Marker Chart**: events the browser records, such as \`DOMEvent\`, \`Styles\`, \`Reflow\`, garbage collection and network requests, each with its duration.
- **Network**: every request on a timeline, aligned with what the main thread was doing.

## What it found

On the archive page the Marker Chart showed a 380 ms block of \`Reflow\` markers right after load, repeated in a sawtooth pattern. The Call Tree attributed them to a small script that set a height on every list item and then read \`offsetHeight\` back, one item at a time:

\`\`\`js
for (const item of items) {
  item.style.height = 'auto';
  heights.push(item.offsetHeight); // forces a synchronous layout each time
}
\`\`\`

Writing a style and then reading a layout property forces the browser to recompute layout immediately, for each of the 600 items. This is layout thrashing. Batching all writes, then all reads, reduced it to one layout:

\`\`\`js
for (const item of items) item.style.height = 'auto';
const heights = items.map((item) => item.offsetHeight);
\`\`\`

Better still, the script was replaced with CSS: \`content-visibility: auto\` on each year's section lets the browser skip rendering the parts of the archive that are off screen.

## Sharing

The *Upload* button publishes a profile and gives you a link, with options to remove URLs and extensions first. It is the easiest way to show a colleague, or a browser engineer, exactly what you saw. You can also add your own markers from JavaScript with \`performance.mark()\` and \`performance.measure()\`: they appear in the Marker Chart as \`UserTiming\` entries, which makes it easy to line up your code's phases with the browser's work.

The [profiler documentation](https://profiler.firefox.com/docs/) explains every panel, including the JS Tracer for very short functions.
`,
    comments: [
      {
        key: 'c1',
        authorName: 'Clara Dubois',
        authorEmail: 'clara.d@example.com',
        body: 'I did not know `performance.measure()` shows up in the Marker Chart. That makes correlating our own spans with reflows so much easier.',
        approved: true,
        hoursAfterPost: 6,
      },
      {
        key: 'c2',
        authorName: 'Tariq Aziz',
        authorEmail: 'tariq.a@example.org',
        body: '`content-visibility: auto` is such an underused property. Remember to add `contain-intrinsic-size` too, or the scrollbar jumps as sections render.',
        approved: true,
        hoursAfterPost: 31,
      },
    ],
  },
  {
    slug: 'debugging-css-layout-with-firefox-developer-tools',
    title: 'Debugging CSS layout with Firefox developer tools',
    summary:
      'The Firefox developer tools features I use most for CSS work: the Grid and Flexbox inspectors, inactive CSS hints, the Fonts panel, the Changes panel and responsive design mode.',
    categories: ['browsers'],
    status: 'PUBLISHED',
    publishedAt: '2023-11-16T16:30:00Z',
    body: `Firefox has been my main browser for development for years, mostly because of its developer tools for CSS. When a layout misbehaves, these are the features I open first, roughly in order.

## The Grid inspector

In the Inspector, any element with \`display: grid\` shows a small grid badge next to it in the markup view. Click it, or tick the grid in the Layout panel, and Firefox draws the grid on the page: line numbers, track sizes, area names and gaps. You can show several grids at once, each in its own colour, which is invaluable for nested grids and subgrid.

The overlay settings let you show line numbers and area names and extend lines to infinity, which helps with alignment across sections.

\`\`\`css
.post-layout {
  display: grid;
  grid-template-columns: minmax(0, 1fr) min(46rem, 100%) minmax(0, 1fr);
  grid-template-areas: ". content aside";
}
\`\`\`

With names like these, the overlay labels each area, so a misplaced element is obvious at a glance.

## The Flexbox inspector

Flex containers get a badge too. The Layout panel then explains, for each flex item, *why* it has its size: its base size, how much it grew or shrank, and whether it hit a \`min-width\` or \`max-width\`. Questions like "why is this button squashed?" usually answer themselves.

## Inactive CSS

The Rules view greys out declarations that have no effect and shows an information icon with the reason: \`justify-content\` on an element that is not a flex or grid container, \`width\` on an inline element, \`z-index\` on a statically positioned element. It is like a linter that knows the actual state of the page.

## Fonts panel

The Fonts panel lists the fonts actually used to render the selected element, not the ones you asked for. For a web font it shows where it was loaded from, and for a variable font it offers sliders for every axis (\`wght\`, \`opsz\`, \`slnt\`) with live preview.

## Changes panel

Every edit you make in the Rules view is tracked in the Changes panel as a diff, grouped by stylesheet. *Copy all changes* gives you CSS ready to paste into your editor, so experiments made in the browser are not lost.

## Responsive design mode

\`Ctrl+Shift+M\` (\`Cmd+Opt+M\` on macOS) resizes the viewport to device presets, simulates device pixel ratios and touch events, and throttles the network. It is not a real phone, but it catches most layout problems before they reach one.

## A few console helpers

\`\`\`js
// Full-page screenshot from the console
:screenshot --fullpage

// The currently selected element in the Inspector
$0.getBoundingClientRect()
\`\`\`

- \`$$('img:not([alt])')\` lists images missing alt text.
- Right-click a node and choose *Scroll into view* when you cannot find it on the page.

The [Firefox DevTools user documentation](https://firefox-source-docs.mozilla.org/devtools-user/) describes every panel, including the Accessibility inspector, which deserves a post of its own.
`,
    comments: [
      {
        key: 'c1',
        authorName: 'Lea Novak',
        authorEmail: 'lea.n@example.com',
        body: 'The inactive CSS hints alone are worth switching browsers for when doing layout work.',
        approved: true,
        hoursAfterPost: 21,
      },
    ],
  },
];
