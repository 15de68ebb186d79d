import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/**
 * A Vega-Lite spec (data inline) as an SVG string, rendered headlessly with
 * vega's View.toSVG (no canvas, no browser, no network: the loader refuses
 * every URL).
 */
export async function renderVegaLiteSvg(spec: Record<string, unknown>): Promise<string> {
  const full = { $schema: undefined, config: { font: 'system-ui, sans-serif', view: { stroke: null }, axis: { labelFontSize: 11, titleFontSize: 11 } }, ...spec } as unknown as TopLevelSpec;
  const loader = vega.loader();
  loader.load = async (uri: string) => {
    throw new Error(`a report chart may not load ${uri}`);
  };
  const view = new vega.View(vega.parse(compile(full).spec), { renderer: 'none', loader });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
