// Registered (scripting.registerContentScripts) only for sites where the user ticked
// "Always clean this site" and granted host access; runs after the other content files.
if (Object.hasOwn(globalThis, 'SiftContent')) globalThis.SiftContent.autoClean(); // own: not a clobbering element
