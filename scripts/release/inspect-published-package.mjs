// Reads a package back from the registry it was published to, and checks what a user would download.
import { listTarballFiles } from './read-tarball.mjs';

const TEST_FILE =
  /(^|\/)(__fixtures__|__snapshots__|node_modules)\/|\.test(-d)?\.[cm]?[jt]sx?$|tsbuildinfo$|test-results\.json$/;

/**
 * Reads `pkg` (`{ name, version }`) back from the registry and checks it: that version is `latest`, its
 * internal ranges are resolved to `^<version>` (`versions` maps each workspace package to its version),
 * every `exports` target is in the tarball, the README and LICENSE are, and neither a test file nor the CHANGELOG
 * (it stays in the repository, linked from the README, so releases do not grow every install). Resolves with
 * `{ name, version, packed, unpacked, files }` (bytes, file count).
 */
export async function inspectPublishedPackage(registryURL, pkg, versions) {
  const response = await fetch(`${registryURL}${pkg.name.replace('/', '%2f')}`);
  if (!response.ok) throw new Error(`GET ${pkg.name} from the registry: ${response.status}`);
  const packument = await response.json();
  const manifest = packument.versions?.[pkg.version];
  if (!manifest)
    throw new Error(`version ${pkg.version} not published (has ${Object.keys(packument.versions ?? {})})`);
  if (packument['dist-tags']?.latest !== pkg.version)
    throw new Error(`dist-tag latest is ${packument['dist-tags']?.latest}`);
  for (const [dependency, range] of Object.entries(manifest.dependencies ?? {})) {
    if (range.startsWith('workspace:')) throw new Error(`${dependency} still has the range ${range}`);
    if (versions[dependency] && range !== `^${versions[dependency]}`)
      throw new Error(`${dependency} has the range ${range}, expected ^${versions[dependency]}`);
  }
  const tarball = await fetch(manifest.dist.tarball);
  if (!tarball.ok) throw new Error(`GET ${manifest.dist.tarball}: ${tarball.status}`);
  const bytes = Buffer.from(await tarball.arrayBuffer());
  const files = listTarballFiles(bytes);
  const paths = new Set(files.map((file) => file.path));
  const missing = exportTargets(manifest.exports).filter((target) => !paths.has(target));
  if (missing.length > 0) throw new Error(`exports point at files not in the tarball: ${missing.join(', ')}`);
  for (const required of ['package.json', 'README.md', 'LICENSE'])
    if (!paths.has(required)) throw new Error(`${required} is not in the tarball`);
  const stray = [...paths].filter((path) => TEST_FILE.test(path) || path === 'CHANGELOG.md');
  if (stray.length > 0)
    throw new Error(`files users do not need in the tarball: ${stray.slice(0, 10).join(', ')}`);
  return {
    name: pkg.name,
    version: pkg.version,
    packed: bytes.length,
    unpacked: files.reduce((sum, file) => sum + file.size, 0),
    files: files.length,
  };
}

function exportTargets(exports) {
  if (typeof exports === 'string') return [exports.replace(/^\.\//, '')];
  if (!exports || typeof exports !== 'object') return [];
  return Object.values(exports).flatMap(exportTargets);
}
