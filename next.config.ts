import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships its own WebAssembly and data files; bundling it breaks their paths.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "node-llama-cpp"],
  poweredByHeader: false,
  // `MOA_SOURCE_MAPS=1 npm run build` lets `npm run bench` say which packages fill each chunk.
  productionBrowserSourceMaps: process.env.MOA_SOURCE_MAPS === "1",
};

export default nextConfig;
