import Prometheus
import Testing

struct PrometheusTextTests {
    @Test(arguments: [
        ("plain", "plain"),
        (#"back\slash"#, #"back\\slash"#),
        (#"say "hi""#, #"say \"hi\""#),
        ("two\nlines", #"two\nlines"#),
        ("tab\tstays", "tab\tstays"),
        ("/v5/me/memberships/:id", "/v5/me/memberships/:id"),
    ])
    func labelValueEscaping(raw: String, escaped: String) {
        #expect(PrometheusText.escapeLabelValue(raw) == escaped)
    }

    @Test(arguments: [
        ("plain text", "plain text"),
        (#"back\slash"#, #"back\\slash"#),
        (#"quotes "stay""#, #"quotes "stay""#),
        ("two\nlines", #"two\nlines"#),
    ])
    func helpEscaping(raw: String, escaped: String) {
        #expect(PrometheusText.escapeHelp(raw) == escaped)
    }

    @Test(arguments: [
        (0.005, "0.005"),
        (1.0, "1.0"),
        (2.5, "2.5"),
        (0.00001, "1e-05"),
        (Double.infinity, "+Inf"),
        (-Double.infinity, "-Inf"),
        (Double.nan, "NaN"),
    ])
    func numberFormat(value: Double, text: String) {
        #expect(PrometheusText.format(value) == text)
    }

    @Test(arguments: [
        ("doorman_http_requests_total", true),
        ("namespace:rule_name", true),
        ("_private", true),
        ("9lives", false),
        ("has-dash", false),
        ("has space", false),
        ("", false),
    ])
    func metricNames(name: String, isValid: Bool) {
        #expect(PrometheusText.isValidMetricName(name) == isValid)
    }

    @Test(arguments: [
        ("route", true),
        ("grant_type", true),
        ("__reserved", false),
        ("with:colon", false),
        ("1st", false),
    ])
    func labelNames(name: String, isValid: Bool) {
        #expect(PrometheusText.isValidLabelName(name) == isValid)
    }
}
