/// `1 error`, `3 errors`: a count with its noun, as the commands' summaries print them.
package func count(_ n: Int, _ noun: String, plural: String? = nil) -> String {
    "\(n) \(n == 1 ? noun : plural ?? noun + "s")"
}
