/// Command-line plumbing shared by the three tools (namespace).
public enum CommandLine {}
