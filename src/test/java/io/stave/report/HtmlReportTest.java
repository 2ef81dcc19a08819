package io.stave.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class HtmlReportTest {

    private static Document parse(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void page_is_well_formed_with_one_table_and_one_chart_per_metric() throws Exception {
        Document page = parse(HtmlReport.render(ReportFixtures.model()));
        XPath xpath = XPathFactory.newInstance().newXPath();

        assertThat(((NodeList) xpath.evaluate("//table[@class='results']", page, XPathConstants.NODESET)).getLength()).isEqualTo(2);
        assertThat(((NodeList) xpath.evaluate("//*[local-name()='svg']", page, XPathConstants.NODESET)).getLength()).isEqualTo(2);
        // Six measured pass-rate bars + seven legend/published marks are not counted: bars are rects with a title sibling.
        assertThat(((NodeList) xpath.evaluate("//*[local-name()='g'][@class='bar']/*[local-name()='rect']", page,
                XPathConstants.NODESET)).getLength()).isEqualTo(6 + 1 + 2 + 1);
        assertThat(xpath.evaluate("//section[@id='metric-pass_rate']/div/table/tbody/tr[1]/td[1]", page)).isEqualTo("ChatGPT");
        assertThat(xpath.evaluate("//section[@id='metric-win_rate']//span[@class='nc']", page)).startsWith("not comparable");
    }

    @Test
    void page_needs_no_network() {
        String html = HtmlReport.render(ReportFixtures.model());

        assertThat(html).doesNotContainPattern("(src|href)=\"(https?:)?//")
                .doesNotContain("<link").doesNotContain("@import").doesNotContain("url(");
    }

    @Test
    void embedded_json_carries_every_cell_with_sorted_keys() throws Exception {
        Document page = parse(HtmlReport.render(ReportFixtures.model()));
        String json = XPathFactory.newInstance().newXPath().evaluate("//script[@id='stave-data']", page);
        JsonNode data = new ObjectMapper().readTree(json);

        assertThat(data.path("sections")).hasSize(2);
        JsonNode dfsdt = data.path("sections").get(0).path("rows").get(0);
        assertThat(dfsdt.path("published_table").asText()).isEqualTo("toolllm_tooleval_v2_pass_rate");
        assertThat(dfsdt.path("cells")).hasSize(7);
        JsonNode i1Tool = dfsdt.path("cells").get(1);
        assertThat(i1Tool.path("value").asDouble()).isEqualTo(80.0);
        assertThat(i1Tool.path("within_noise").asBoolean()).isFalse();
        assertThat(i1Tool.path("delta").asDouble()).isEqualTo(80.0 - i1Tool.path("published").asDouble());
        List<String> keys = new java.util.ArrayList<>();
        i1Tool.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).isSorted();
        assertThat(data.path("runs").get(0).path("details").path("seeds.run").asText()).isEqualTo("1234");
    }

    @Test
    void text_from_inputs_is_escaped_in_markup_and_in_the_embedded_json() throws Exception {
        Provenance run = new Provenance("run<&>", "toolbench", "ToolEval v2", "gpt-3.5-turbo-16k", "cache:a&b.sqlite",
                new TreeMap<>(java.util.Map.of("note", "</script><b>x</b>")));
        ResultRow row = new ResultRow("Model <x> & \"y\"", "DFSDT", Metric.PASS_RATE,
                List.of(new MeasuredCell("G1_instruction", 10, 5, 15, 20)), run);
        String html = HtmlReport.render(ReportModel.build("T & <t>", List.of(row), PublishedResults.bundled(), List.of()));

        Document page = parse(html);
        assertThat(XPathFactory.newInstance().newXPath().evaluate("//h1", page)).isEqualTo("T & <t>");
        assertThat(html).doesNotContain("</script><b>").contains("\\u003c/script\\u003e");
    }
}
