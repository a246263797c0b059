/**
 * The certificate file EnvironmentCredential hands to ClientCertificateCredential: a PEM file holding the
 * certificate and its private key. Checked locally with node:crypto; the key and its password never leave here.
 */
import { createPrivateKey, X509Certificate, type KeyObject } from "node:crypto";
import type { FindingList } from "./findings.js";
import { readSmallFile, resolvePath } from "./files.js";
import type { CertificateReport } from "./types.js";

interface PemBlock {
  readonly label: string;
  readonly text: string;
}

/** The PEM blocks of a text, read line by line. */
function pemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  let label: string | null = null;
  let lines: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const begin = /^-{5}BEGIN ([A-Z0-9 ]{1,40})-{5}$/.exec(line);
    if (begin?.[1] !== undefined) {
      label = begin[1];
      lines = [line];
      continue;
    }
    if (label === null) continue;
    lines.push(line);
    if (line === `-----END ${label}-----`) {
      blocks.push({ label, text: `${lines.join("\n")}\n` });
      label = null;
    }
  }
  return blocks;
}

const KEY_LABELS = new Set(["PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "ENCRYPTED PRIVATE KEY"]);

function readCertificate(pem: string): X509Certificate | null {
  try {
    return new X509Certificate(pem);
  } catch {
    return null;
  }
}

function readKey(pem: string, password: string | undefined): KeyObject | null {
  try {
    return createPrivateKey({
      key: pem,
      format: "pem",
      ...(password === undefined ? {} : { passphrase: password }),
    });
  } catch {
    return null;
  }
}

export function inspectCertificateFile(
  path: string,
  password: string | undefined,
  cwd: string,
  now: Date,
  findings: FindingList,
): CertificateReport {
  const subject = "AZURE_CLIENT_CERTIFICATE_PATH";
  const report: CertificateReport = {
    path,
    file: "missing",
    format: null,
    certificates: 0,
    subject: null,
    thumbprint: null,
    notAfter: null,
    expired: null,
    privateKey: "none",
    passwordGiven: password !== undefined,
    keyReadable: null,
    keyMatchesCertificate: null,
  };
  const read = readSmallFile(resolvePath(path, cwd));
  if (read.state !== "read") {
    report.file = read.state;
    findings.add({
      id: read.state === "missing" ? "certificate-file-missing" : "certificate-file-unreadable",
      severity: "problem",
      subject,
      message:
        read.state === "missing"
          ? `The certificate file ${path} does not exist (relative paths are resolved against the working directory). EnvironmentCredential will fail and stop DefaultAzureCredential.`
          : `The certificate file ${path} cannot be read: ${read.reason}.`,
      action:
        "Point AZURE_CLIENT_CERTIFICATE_PATH at the PEM file with the certificate and its private key (an absolute path is safest).",
      knowledgeId: "certificate-file-not-found",
    });
    return report;
  }
  report.file = "read";
  const text = read.bytes.toString("utf8");
  const blocks = pemBlocks(text);
  const certificates = blocks.filter((b) => b.label === "CERTIFICATE");
  report.certificates = certificates.length;
  if (certificates.length === 0) {
    const binary = read.bytes.includes(0) || read.bytes[0] === 0x30;
    // PKCS#12 is DER: binary, starting with a SEQUENCE tag.
    report.format = binary ? "pfx" : "other";
    findings.add({
      id: "certificate-file-not-pem",
      severity: "problem",
      subject,
      message:
        report.format === "pfx"
          ? `${path} looks like a binary PKCS#12 (.pfx) file; identity for JavaScript reads PEM only.`
          : `${path} holds no PEM certificate ('-----BEGIN CERTIFICATE-----').`,
      action:
        report.format === "pfx"
          ? "Convert it: openssl pkcs12 -in cert.pfx -out cert.pem -nodes (then protect the PEM file, it holds the key)."
          : "Use a PEM file holding the certificate followed by its private key.",
      knowledgeId: "certificate-file-not-pem",
    });
    return report;
  }
  report.format = "pem";
  const certificate = certificates[0] ? readCertificate(certificates[0].text) : null;
  if (certificate) {
    report.subject = certificate.subject.replace(/\n/g, ", ");
    report.thumbprint = certificate.fingerprint.replace(/:/g, "");
    const notAfter = new Date(certificate.validTo);
    report.notAfter = Number.isNaN(notAfter.getTime()) ? null : notAfter.toISOString();
    report.expired = Number.isNaN(notAfter.getTime()) ? null : notAfter.getTime() < now.getTime();
    if (report.expired === true) {
      findings.add({
        id: "certificate-expired",
        severity: "problem",
        subject,
        message: `The certificate in ${path} expired on ${report.notAfter ?? "?"}.`,
        action:
          "Create a new certificate, upload its public part to the app registration, and point AZURE_CLIENT_CERTIFICATE_PATH at the new PEM file.",
      });
    }
  } else {
    findings.add({
      id: "certificate-unparsable",
      severity: "problem",
      subject,
      message: `The first certificate block in ${path} cannot be parsed.`,
      action: "Export the certificate again as PEM.",
      knowledgeId: "certificate-file-not-pem",
    });
  }

  const keyBlock = blocks.find((b) => KEY_LABELS.has(b.label));
  if (!keyBlock) {
    findings.add({
      id: "certificate-without-key",
      severity: "problem",
      subject,
      message: `${path} holds a certificate but no private key: ClientCertificateCredential signs with the key from the same file, so it will fail and stop DefaultAzureCredential.`,
      action:
        "Append the private key to the file (cat cert.crt cert.key > cert.pem) and keep the file private.",
      knowledgeId: "certificate-argument-invalid",
    });
    return report;
  }
  const encrypted =
    keyBlock.label === "ENCRYPTED PRIVATE KEY" || keyBlock.text.includes("Proc-Type: 4,ENCRYPTED");
  report.privateKey = encrypted ? "encrypted" : "plain";
  if (encrypted && password === undefined) {
    report.keyReadable = false;
    findings.add({
      id: "certificate-key-needs-password",
      severity: "problem",
      subject,
      message: `The private key in ${path} is encrypted and AZURE_CLIENT_CERTIFICATE_PASSWORD is not set: signing will fail ("secretOrPrivateKey must be an asymmetric key") and stop DefaultAzureCredential.`,
      action:
        "Set AZURE_CLIENT_CERTIFICATE_PASSWORD to the key's password, or store the key unencrypted in a file only this account can read.",
      knowledgeId: "certificate-password-wrong",
    });
    return report;
  }
  const key = readKey(keyBlock.text, encrypted ? password : undefined);
  report.keyReadable = key !== null;
  if (!key) {
    findings.add({
      id: encrypted ? "certificate-password-wrong" : "certificate-key-unreadable",
      severity: "problem",
      subject: encrypted ? "AZURE_CLIENT_CERTIFICATE_PASSWORD" : subject,
      message: encrypted
        ? `AZURE_CLIENT_CERTIFICATE_PASSWORD does not decrypt the private key in ${path} ("bad decrypt").`
        : `The private key in ${path} cannot be read.`,
      action: encrypted ? "Set the key's right password." : "Export the key again as PEM.",
      knowledgeId: encrypted ? "certificate-password-wrong" : "certificate-argument-invalid",
    });
    return report;
  }
  if (certificate) {
    report.keyMatchesCertificate = safeCheck(certificate, key);
    if (report.keyMatchesCertificate === false) {
      findings.add({
        id: "certificate-key-mismatch",
        severity: "problem",
        subject,
        message: `The private key in ${path} does not belong to its first certificate: Microsoft Entra ID will refuse the signature.`,
        action: "Put the certificate and its own key in the file, certificate first.",
        knowledgeId: "certificate-not-registered",
      });
      return report;
    }
  }
  findings.add({
    id: "certificate-ok",
    severity: "ok",
    subject,
    message: `${path}: certificate ${report.thumbprint ?? "?"} (${report.subject ?? "?"}) valid until ${report.notAfter ?? "?"}, with its ${encrypted ? "encrypted key (the password decrypts it)" : "private key"}.`,
    action: "Check that this thumbprint is listed under Certificates & secrets in the app registration.",
  });
  return report;
}

function safeCheck(certificate: X509Certificate, key: KeyObject): boolean | null {
  try {
    return certificate.checkPrivateKey(key);
  } catch {
    return null;
  }
}
