public import AuditLog
public import CommandLineSupport

// Audit-log errors, named for ExitTable on every tool: a secret-looking detail or a malformed fingerprint is a
// bug in the tool that built the event (1).

extension AuditLogError: ReportableError {}
