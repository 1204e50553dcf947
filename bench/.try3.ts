import { streamText } from "ai";
import { SimLanguageModel } from "@/lib/providers/sim/sim-model";
async function main() {
  const id = "sim:falcon?ttft=150&tps=222.22&tokens=300";
  for (let k = 0; k < 3; k++) {
    const m = new SimLanguageModel(id, { env: {} });
    let t0 = performance.now();
    const { stream } = await m.doStream({ prompt: [{ role: "user", content: [{ type: "text", text: "Explain vaccines" }] }] } as never);
    const tPlan = performance.now() - t0;
    let first = 0, n = 0;
    const r = stream.getReader();
    while (true) { const { done, value } = await r.read(); if (done) break; if (value.type === "text-delta") { n++; if (!first) first = performance.now() - t0; } }
    console.log("raw: plan", tPlan.toFixed(1), "first", first.toFixed(1), "end", (performance.now() - t0).toFixed(1), "deltas", n);
    t0 = performance.now(); first = 0;
    const res = streamText({ model: new SimLanguageModel(id, { env: {} }), prompt: "Explain vaccines" });
    for await (const p of res.fullStream) if (p.type === "text-delta" && !first) first = performance.now() - t0;
    console.log("streamText: first", first.toFixed(1), "end", (performance.now() - t0).toFixed(1));
  }
}
void main();
