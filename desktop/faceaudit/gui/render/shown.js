// What the page shows (run by harvest.py after scrolling and settling): image addresses and how each is placed, and its links. Returns JSON.
(() => {
  const images = [];
  const add = (url, how) => {
    if (url && typeof url === "string") images.push([url, how]);
  };
  const absolute = (url) => {
    try { return new URL(url, document.baseURI).href; } catch (e) { return ""; }
  };
  const srcset = (value) =>
    value.split(/,\s+/).map((part) => part.trim().split(/\s+/)[0]).filter(Boolean).map(absolute);
  for (const img of document.images) {
    add(img.currentSrc || img.src, "img");
    if (img.src && img.currentSrc && img.src !== img.currentSrc) add(img.src, "img");
    if (img.srcset) for (const url of srcset(img.srcset)) add(url, "srcset");
  }
  for (const source of document.querySelectorAll("picture source[srcset]")) {
    for (const url of srcset(source.srcset)) add(url, "picture");
  }
  for (const video of document.querySelectorAll("video")) {
    if (video.poster) add(absolute(video.poster), "poster");
    add(video.currentSrc || video.src, "video");
  }
  const backgrounds = /url\(\s*(['"]?)(.*?)\1\s*\)/g;
  const elements = document.querySelectorAll("*");
  for (let index = 0; index < elements.length && index < 20000; index++) {
    const style = getComputedStyle(elements[index]);
    const value = style.backgroundImage;
    if (value && value !== "none") {
      for (const match of value.matchAll(backgrounds)) add(absolute(match[2]), "css");
    }
  }
  const links = [];
  for (const anchor of document.querySelectorAll("a[href]")) {
    if (links.length >= 5000) break;
    links.push(anchor.href);
  }
  return JSON.stringify({ url: location.href, title: document.title, images, links });
})()
