import { defineConfig } from 'tsup';
import { packageBuildConfig } from '../../scripts/build/package-build-config';

export default defineConfig(
  packageBuildConfig(new URL('./package.json', import.meta.url), 'tsconfig.build.json'),
);
