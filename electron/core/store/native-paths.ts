import * as sqliteVec from "sqlite-vec";

/**
 * Native files cannot be loaded from inside an asar archive. electron-builder
 * unpacks them to `app.asar.unpacked/`, but packages compute their paths from
 * their own location, which still says `app.asar/`. Rewrite such paths.
 */
export function unpackedPath(path: string): string {
  return path.replace(/([\\/])app\.asar([\\/])/, "$1app.asar.unpacked$2");
}

/** Path of the sqlite-vec loadable extension for this platform. */
export function sqliteVecPath(): string {
  return unpackedPath(sqliteVec.getLoadablePath());
}
