import MaracJSON
import MaracMustache
import MaracPapers
import MaracRecords

/// The templates of the papers only bundles carry: the referrals with their risk assessment
/// (`transfer-referrals`) and the cover sheet (`bundle-cover`). A repository's own
/// `templates/NAME.html.mustache` replaces the built-in one, as for the other papers, and the
/// usual partials (`_head.html`, `_frame-top.html`, ...) are available.
enum TransferTemplates {
    static let builtIn: [String: String] = [
        "transfer-referrals.html": referrals,
        "bundle-cover.html": cover,
        "transfer-acknowledgement.html": acknowledgement,
    ]

    /// Renders `name` (e.g. `bundle-cover`) as HTML with the repository's partials.
    static func render(_ name: String, context: JSONValue, templates: PaperTemplates) throws(PaperError) -> String {
        let file = "\(name).html"
        let main = try templates.source(named: file) ?? builtIn[file].map { ($0, "templates/\(file).mustache (built in)") }
        guard let main else { throw PaperError("no template \(file)") }
        let sources = try templates.partialSources()
        do {
            var partials: [String: MustacheTemplate] = [:]
            for (partial, source) in sources {
                partials[partial] = try MustacheTemplate(source: source.text, name: source.file)
            }
            let template = try MustacheTemplate(source: main.text, name: main.file)
            return try template.render(context, partials: MustachePartials(partials), escaping: PaperFormat.html.escaping)
        } catch {
            throw PaperError("template error: \(error.description)")
        }
    }

    static let referrals = """
        <!DOCTYPE html>
        <html lang="en-GB">
        {{> _head.html}}
        <body>
        {{> _frame-top.html}}
        <h2>Case {{caseID}}</h2>
        <dl class="facts">
        <dt>Status</dt><dd>{{status}}</dd>
        <dt>Session</dt><dd>{{session}}</dd>
        </dl>
        {{> _people.html}}
        <h2>Referrals</h2>
        {{#referrals}}
        <article class="case">
        <h3>Referral {{number}}{{#received}}: received {{received}}{{/received}}</h3>
        <dl class="facts">
        <dt>Referring agency</dt><dd>{{agency}}</dd>
        {{#referrer}}<dt>Referrer</dt><dd>{{referrer}}</dd>{{/referrer}}
        <dt>Latest incident</dt><dd>{{incident}}</dd>
        <dt>Risk assessment</dt><dd>{{riskTool}}{{#riskScore}}: score {{riskScore}}{{/riskScore}}</dd>
        {{#policeIncidents}}<dt>Police incidents (12 months)</dt><dd>{{policeIncidents}}</dd>{{/policeIncidents}}
        {{#crimes}}<dt>Crimes (12 months)</dt><dd>{{crimes}}</dd>{{/crimes}}
        <dt>Criteria</dt><dd>{{criteria}}</dd>
        {{#judgementReason}}<dt>Professional judgement</dt><dd>{{judgementReason}}</dd>{{/judgementReason}}
        <dt>Consent</dt><dd>{{consent}}</dd>
        {{#consentReason}}<dt>Why not given</dt><dd>{{consentReason}}</dd>{{/consentReason}}
        <dt>Decision</dt><dd>{{decision}}{{#decided}} ({{decided}}){{/decided}}</dd>
        {{#idvaReferred}}<dt>IDVA referral</dt><dd>{{idvaReferred}}</dd>{{/idvaReferred}}
        {{#infoOnly}}<dt>Listing</dt><dd>for information only</dd>{{/infoOnly}}
        </dl>
        </article>
        {{/referrals}}
        {{> _frame-bottom.html}}
        </body>
        </html>

        """

    static let cover = """
        <!DOCTYPE html>
        <html lang="en-GB">
        {{> _head.html}}
        <body>
        {{> _frame-top.html}}
        <p class="statement"><strong>{{paper.marking}}.</strong> {{purpose}}</p>
        <dl class="facts">
        <dt>Case</dt><dd>{{caseID}}</dd>
        <dt>From</dt><dd>{{from}}</dd>
        <dt>To</dt><dd>{{to}}</dd>
        {{#kind}}<dt>Kind of disclosure</dt><dd>{{kind}}</dd>{{/kind}}
        {{#requested}}<dt>Requested</dt><dd>{{requested}}</dd>{{/requested}}
        <dt>Date</dt><dd>{{date}}</dd>
        {{#basis}}<dt>Basis for sharing</dt><dd>{{basis}}</dd>{{/basis}}
        {{#decidedBy}}<dt>Decided by</dt><dd>{{decidedBy}}</dd>{{/decidedBy}}
        </dl>
        <h2>Restrictions on use</h2>
        <p class="statement">{{restrictions}}</p>
        <h2>Contents</h2>
        <table class="data">
        <thead><tr><th>File</th><th>Paper</th></tr></thead>
        <tbody>
        {{#contents}}
        <tr><td class="n">{{file}}</td><td>{{title}}</td></tr>
        {{/contents}}
        </tbody>
        </table>
        {{> _frame-bottom.html}}
        </body>
        </html>

        """

    static let acknowledgement = """
        <!DOCTYPE html>
        <html lang="en-GB">
        {{> _head.html}}
        <body>
        {{> _frame-top.html}}
        <p class="statement">{{from}} acknowledges receipt of the MARAC-to-MARAC transfer of your case {{theirID}}. The victim's case is open here as our case {{caseID}} and is listed for our next meeting.</p>
        <dl class="facts">
        <dt>To</dt><dd>{{to}}</dd>
        <dt>From</dt><dd>{{from}}</dd>
        <dt>Your case</dt><dd>{{theirID}}</dd>
        <dt>Our case</dt><dd>{{caseID}}</dd>
        <dt>Received</dt><dd>{{received}}</dd>
        <dt>Acknowledged</dt><dd>{{acknowledged}}</dd>
        <dt>Bundle signature</dt><dd>{{#signedBy}}verified: signed by {{signedBy}}{{/signedBy}}{{^signedBy}}not verified (accepted unsigned after checking with you){{/signedBy}}</dd>
        </dl>
        {{> _frame-bottom.html}}
        </body>
        </html>

        """
}
