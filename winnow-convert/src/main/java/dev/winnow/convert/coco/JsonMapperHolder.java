package dev.winnow.convert.coco;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The JSON mapper COCO files are read with: long strings allowed (compressed RLE), values read one at a time. */
final class JsonMapperHolder {
    static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxStringLength(256 << 20)
                            .build())
                    .build())
            // Annotations are read one at a time from inside a larger document.
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonMapperHolder() {}
}
