import Foundation
import RampartCore

/// One self-contained HTML page (no external assets): the gate, counts, and a findings table
/// that sorts by any column and filters as you type. Every scanned value is escaped.
public struct HTMLReporter: Reporter {
    public var format: ReportFormat { .html }

    public init() {}

    public func render(_ report: ScanReport, context: ReportContext) -> String {
        let gating = report.gatingFindings
        let gateText: String
        let gateClass: String
        switch report.failOn {
        case .none:
            gateText = "Gate off"
            gateClass = "off"
        case .severity where report.hasFailures && gating.isEmpty:
            // A scan that could not look everywhere never says "passed".
            gateText = "Gate not passed: not everything was checked (see the errors)"
            gateClass = "fail"
        case .severity(let s):
            gateText = gating.isEmpty ? "Gate passed (fail on \(s.rawValue)+)" : "Gate failed: \(gating.count) finding\(gating.count == 1 ? "" : "s") of \(s.rawValue) or above"
            gateClass = gating.isEmpty ? "pass" : "fail"
        }
        var html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Rampart report: \(h(report.target.path))</title>
        <style>
        body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem;color:#1d232a;background:#fafbfc}
        h1{font-size:1.5rem;margin:0 0 .25rem}
        .meta{color:#5b6672;margin-bottom:1rem}
        .gate{display:inline-block;padding:.35rem .8rem;border-radius:4px;font-weight:600;margin-bottom:1rem}
        .gate.pass{background:#dcf5e3;color:#135c2a}.gate.fail{background:#fde2e1;color:#8e1b14}.gate.off{background:#eceff3}
        .cards{display:flex;gap:.6rem;flex-wrap:wrap;margin-bottom:1.2rem}
        .card{background:#fff;border:1px solid #dfe3e8;border-radius:6px;padding:.5rem .9rem;min-width:5.5rem}
        .card b{display:block;font-size:1.4rem}
        table{border-collapse:collapse;width:100%;background:#fff;border:1px solid #dfe3e8}
        th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #eef0f3;vertical-align:top}
        th{background:#f1f3f6;cursor:pointer;user-select:none;white-space:nowrap}
        th.sorted-asc::after{content:" \\25B2"}th.sorted-desc::after{content:" \\25BC"}
        td code,pre{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,monospace}
        pre{margin:.3rem 0 0;white-space:pre-wrap;word-break:break-all;color:#414b55}
        .sev{font-weight:600;text-transform:uppercase;font-size:12px}
        .critical{color:#7b1fa2}.high{color:#c62828}.medium{color:#b26a00}.low{color:#00838f}.info{color:#607080}
        tr.suppressed td{opacity:.55}
        input[type=search]{padding:.4rem .6rem;width:22rem;max-width:100%;margin-bottom:.6rem;border:1px solid #c9ced6;border-radius:4px}
        .diag{margin-top:1.5rem}.diag li.error{color:#8e1b14}.diag li.warning{color:#8a5a00}
        </style>
        </head>
        <body>
        <h1>Rampart security report</h1>
        <div class="meta">Target <code>\(h(report.target.path))</code>\(report.target.since.map { " · changed since <code>\(h($0))</code>" } ?? "") · \(report.files) files · \(h(ReportText.duration(ms: report.durationMs))) · \(h(ReportText.iso8601(report.startTime))) · Rampart \(h(report.toolVersion))</div>
        <div class="gate \(gateClass)">\(h(gateText))</div>\(report.timedOut ? "\n<div class=\"gate fail\">Time budget ran out: results are partial</div>" : "")
        <div class="cards">

        """
        for (severity, count) in report.countsBySeverity {
            html += "<div class=\"card\"><b class=\"\(severity.rawValue)\">\(count)</b>\(severity.rawValue)</div>\n"
        }
        let suppressed = report.findings.count { $0.isSuppressed }
        html += "<div class=\"card\"><b>\(suppressed)</b>suppressed</div>\n<div class=\"card\"><b>\(report.baselined)</b>in baseline</div>\n</div>\n"
        html += "<input type=\"search\" id=\"filter\" placeholder=\"Filter findings…\" aria-label=\"Filter findings\">\n"
        html += "<table id=\"findings\">\n<thead><tr><th data-type=\"num\">Severity</th><th>Rule</th><th>Location</th><th>Message</th><th>Scanner</th><th data-type=\"num\">Confidence</th><th>State</th></tr></thead>\n<tbody>\n"
        for finding in report.findings {
            let rule = finding.helpUri.map { "<a href=\"\(h(Self.safeURL($0)))\">\(h(finding.ruleId.rawValue))</a>" } ?? h(finding.ruleId.rawValue)
            var message = h(finding.message)
            if case .source(let s) = finding.location, let snippet = s.snippet {
                message += "<pre>\(h(snippet))</pre>"
            }
            if case .web(let w) = finding.location, let evidence = w.evidence {
                message += "<pre>\(h(evidence))</pre>"
            }
            if let flow = finding.traceSummary { message += "<p class=\"flow\">flow: \(h(flow))</p>" }
            let cwe = finding.cwe.map { "CWE-\($0)" }.joined(separator: ", ")
            let state = finding.suppression.map { "suppressed (\($0.kind.rawValue)\($0.reason.map { ": " + $0 } ?? ""))" } ?? (report.failOn.gates(finding.severity) ? "gating" : "open")
            html += "<tr class=\"\(finding.isSuppressed ? "suppressed" : "")\">"
            html += "<td data-sort=\"\(finding.severity.rank)\" class=\"sev \(finding.severity.rawValue)\">\(finding.severity.rawValue)</td>"
            html += "<td>\(rule)\(cwe.isEmpty ? "" : "<br><small>\(h(cwe))</small>")</td>"
            html += "<td><code>\(h(finding.location.display))</code></td>"
            html += "<td>\(message)</td>"
            html += "<td>\(h(finding.scanner))</td>"
            html += "<td data-sort=\"\(finding.confidence.rank)\">\(finding.confidence.rawValue)</td>"
            html += "<td>\(h(state))</td></tr>\n"
        }
        if report.findings.isEmpty {
            html += "<tr><td colspan=\"7\">No findings.</td></tr>\n"
        }
        html += "</tbody>\n</table>\n"
        if !report.diagnostics.isEmpty {
            html += "<div class=\"diag\"><h2>Scan notes</h2><ul>\n"
            for diagnostic in report.diagnostics {
                html += "<li class=\"\(diagnostic.level.rawValue)\">\(h(diagnostic.display))</li>\n"
            }
            html += "</ul></div>\n"
        }
        html += """
        <script>
        (function(){
          var table=document.getElementById('findings'),body=table.tBodies[0];
          var headers=table.tHead.rows[0].cells;
          function key(row,i,num){var c=row.cells[i];if(!c)return '';var v=c.getAttribute('data-sort');if(v===null)v=c.textContent;return num?parseFloat(v)||0:v.toLowerCase();}
          Array.prototype.forEach.call(headers,function(th,i){
            th.addEventListener('click',function(){
              var asc=!th.classList.contains('sorted-asc'),num=th.getAttribute('data-type')==='num';
              Array.prototype.forEach.call(headers,function(o){o.classList.remove('sorted-asc','sorted-desc');});
              th.classList.add(asc?'sorted-asc':'sorted-desc');
              var rows=Array.prototype.slice.call(body.rows);
              rows.sort(function(a,b){var x=key(a,i,num),y=key(b,i,num);return (x<y?-1:x>y?1:0)*(asc?1:-1);});
              rows.forEach(function(r){body.appendChild(r);});
            });
          });
          document.getElementById('filter').addEventListener('input',function(e){
            var q=e.target.value.toLowerCase();
            Array.prototype.forEach.call(body.rows,function(r){r.style.display=r.textContent.toLowerCase().indexOf(q)>=0?'':'none';});
          });
        })();
        </script>
        </body>
        </html>

        """
        return html
    }

    /// HTML-escapes text for element content and quoted attributes.
    func h(_ text: String) -> String {
        XML.escape(text)
    }

    /// Only http(s) links are kept; anything else (`javascript:`) becomes `#`.
    static func safeURL(_ url: String) -> String {
        let lower = url.lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://") ? url : "#"
    }
}
