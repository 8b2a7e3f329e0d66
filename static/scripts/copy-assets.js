// Copies the GOV.UK Frontend images and script next to our compiled stylesheet.
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..", "..");
const source = path.join(root, "node_modules", "govuk-frontend", "dist", "govuk");
const target = path.join(root, "static", "govuk");

fs.mkdirSync(path.join(target, "assets"), { recursive: true });
fs.cpSync(path.join(source, "assets", "images"), path.join(target, "assets", "images"), {
  recursive: true,
});
fs.copyFileSync(path.join(source, "govuk-frontend.min.js"), path.join(target, "govuk-frontend.min.js"));
