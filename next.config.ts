import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships its own WebAssembly and data files; bundling it breaks their paths.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "node-llama-cpp"],
  poweredByHeader: false,
  turbopack: {
    resolveAlias: {
      // micromark decodes `&name;` through this package, whose browser build asks the DOM
      // (document.createElement): a Web Worker has none, and the page's markdown worker
      // (lib/client/markdown-worker.ts) died on load. Its plain build carries the table itself.
      "decode-named-character-reference": "./node_modules/decode-named-character-reference/index.js",
    },
  },
  // `MOA_SOURCE_MAPS=1 npm run build` lets `npm run bench` say which packages fill each chunk.
  productionBrowserSourceMaps: process.env.MOA_SOURCE_MAPS === "1",
};

export default nextConfig;
