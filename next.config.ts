import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships its own WebAssembly and data files; bundling it breaks their paths.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "node-llama-cpp"],
  poweredByHeader: false,
};

export default nextConfig;
