package dev.winnow.format.validate;

import dev.winnow.format.Diagnostic;
import dev.winnow.format.Diagnostic.Severity;
import java.util.Optional;

/**
 * Every diagnostic Winnow reports, with its stable code, its severity and what it means: the
 * checks of a predictions folder ({@code E0xx}, {@code W0xx}), of a run ({@code W1xx}), of scoring
 * ({@code W3xx}), of user metadata ({@code M0xx}) and of the converters ({@code C1xx} COCO,
 * {@code C2xx} YOLO, {@code C3xx} Pascal VOC, {@code C4xx} masks, {@code C5xx} CSV, {@code C6xx}
 * probability maps). Codes never change meaning once released; tools may match on them. The
 * README's table of codes is checked against this list.
 *
 * <p>Usage: {@code DiagnosticCode.BBOX_OUTSIDE_IMAGE.at(file, "/predictions/0/bbox", 3, 17, "...")}.
 */
public enum DiagnosticCode {
    MALFORMED_JSON("E001", "The file is not well-formed JSON."),
    WRONG_TYPE("E002", "A value has the wrong JSON type (for example a string where a number belongs)."),
    MISSING_FIELD("E003", "A required field is missing."),
    UNKNOWN_CATEGORY("E004", "A category_id is not one of the schema's category ids."),
    SCORE_OUT_OF_RANGE("E005", "A score is NaN or outside [0, 1]."),
    PROBABILITIES_LENGTH("E006", "A probabilities list does not have one entry per schema category."),
    PROBABILITY_OUT_OF_RANGE("E007", "A probability is NaN or outside [0, 1]."),
    PROBABILITIES_SUM("E008", "The probabilities do not sum to 1 (within 0.001)."),
    BBOX_SHAPE("E009", "A bbox is not a list of 4 numbers."),
    BBOX_NEGATIVE("E010", "A bbox has a negative x, y, width or height."),
    RLE_INVALID("E011", "An RLE segmentation holds a negative or non-integer count."),
    BBOX_OUTSIDE_IMAGE("E012", "A bbox reaches outside the image (size read from the image header)."),
    RLE_PIXEL_COUNT("E013", "The counts of an RLE segmentation do not sum to the image's width x height."),
    KEYPOINTS_SHAPE("E014", "A keypoints list is not a multiple of 3 numbers (x, y, confidence)."),
    FILE_NAME_MISMATCH("E015", "file_name does not name the sample the prediction file's path maps to."),
    ORPHAN_PREDICTION("E016", "A prediction file matches no sample of the input."),
    FRAME_OUT_OF_RANGE("E017", "A video frame prediction names a frame index at or beyond the video's frame count."),
    FRAME_PADDING("E018", "A video frame prediction's index is not padded to the digits of the frame count."),
    PATH_OUTSIDE_ROOT("E019", "A path leaves the datasource's root (.., an absolute path or a link pointing out)."),
    FILE_TOO_LARGE("E020", "A file is larger than the file size limit."),
    NESTING_TOO_DEEP("E021", "A file nests arrays or objects deeper than the nesting limit."),
    TOO_MANY_SINGLETONS("E022", "A prediction file has more singletons than the singleton limit."),
    RLE_TOO_LONG("E023", "An RLE segmentation has more counts than the RLE length limit."),
    TASKS_MISSING("E024", "tasks.json is missing."),
    TASK_NAME_INVALID("E025", "A task name is empty, listed twice or has characters outside [a-zA-Z0-9_+=,.@:/-]."),
    SCHEMA_MISSING("E026", "A listed task has no schema.json."),
    TASK_TYPE_UNKNOWN("E027", "A schema's task_type is not one of the five task types."),
    CATEGORY_INVALID("E028", "A schema category has a negative id, an empty name or an id used twice."),
    TASK_SCHEMA_INVALID("E029", "A listed task has no valid schema, so none of its predictions can be checked."),
    TASK_ALL_INVALID("E030", "Every prediction file of a task is invalid."),
    UNREADABLE("E031", "A file or a sample cannot be read (I/O failure, unreadable image header or video)."),
    STRICT_COMMENT("E032", "A comment in strict mode, where comments are not JSON."),
    STRICT_TRAILING_COMMA("E033", "A trailing comma in strict mode, where it is not JSON."),
    STRICT_UNKNOWN_FIELD("E034", "An unknown field in strict mode."),
    SAMPLES_SHARE_PREDICTION("E035", "Images that differ only in extension map to one prediction file."),
    VALUE_TOO_LONG(
            "E036",
            "A number, string or field name is longer than its reading limit (256, 16,777,216 and 1,024 characters)."),
    COMMENT("W001", "A // or /* */ comment; accepted, but it is not JSON."),
    TRAILING_COMMA("W002", "A comma before ] or }; accepted, but it is not JSON."),
    UNKNOWN_FIELD("W003", "A field that the format does not define; ignored."),
    SAMPLE_WITHOUT_PREDICTION("W004", "A sample has no prediction file in a task."),
    NOT_A_PREDICTION_FILE("W005", "A file in a task folder that is not a .json prediction file; ignored."),
    MORE_IN_FILE("W006", "A file has more problems than the per-file limit; the rest are not reported."),
    NO_TASK_LISTED("W007", "tasks.json lists no task, though task folders with a schema.json are there."),
    NAME_NORMALISATION("W008", "Two names differ only in Unicode normalisation; they are taken as the same."),
    SKELETON_ZERO_BASED("W009", "A keypoint skeleton counts from 0; accepted, though COCO counts from 1."),

    RELEVANT_ENTRY_UNMATCHED("W102", "An entry of a relevant-filenames file names no image or video of the input."),
    KEYPOINTS_WITHOUT_BOX("W103", "Keypoint instances without a box; they get no crop on object level."),
    CROP_WITHOUT_AREA("W104", "A box with no area inside its image; it gets no crop on object level."),
    NO_CONFIDENCE("W301", "A classification prediction has neither a score nor probabilities; it scores 0."),

    METADATA_SCHEMA_INVALID(
            "M001", Severity.ERROR, "The metadata schema or one of its entries is invalid; the entry is left out."),
    METADATA_FILE_INVALID(
            "M002",
            Severity.WARNING,
            "A sample's metadata file is not JSON of the expected shape; its values are not used."),
    METADATA_WRONG_TYPE(
            "M003",
            Severity.WARNING,
            "A metadata value has the wrong type; the field's default, if any, is used instead."),
    METADATA_VALUE_MISSING("M004", Severity.WARNING, "A metadata value is missing and its field has no default."),
    METADATA_FILE_MISSING("M005", Severity.WARNING, "A sample has no metadata file; its fields take their defaults."),
    METADATA_NAME_MISMATCH(
            "M006", Severity.WARNING, "A metadata file's file_name names another sample; its values are used anyway."),

    COCO_UNKNOWN_IMAGE(
            "C101", Severity.ERROR, "A COCO annotation refers to an image id that no image has; it is skipped."),
    COCO_UNKNOWN_CATEGORY(
            "C102", Severity.ERROR, "A COCO annotation has a category id that no category has; it is skipped."),
    COCO_POLYGON_INVALID(
            "C103", Severity.ERROR, "A COCO segmentation has no usable polygon; the annotation is skipped."),
    COCO_RLE_INVALID(
            "C104",
            Severity.ERROR,
            "A COCO RLE has no size, another size than its image, or invalid counts; it is skipped."),
    COCO_ANNOTATION_INVALID(
            "C105", Severity.ERROR, "A COCO annotation lacks a field or has an invalid one; it is skipped."),
    COCO_IMAGE_INVALID("C106", Severity.ERROR, "A COCO image entry lacks an id or a usable file_name; it is skipped."),
    COCO_IMAGE_DUPLICATE(
            "C107", Severity.ERROR, "A COCO image's id or file name is used twice; the later entry is skipped."),
    EXPORT_NO_FILE_NAME(
            "C108", Severity.ERROR, "A prediction file to export has no file_name and no known image; it is skipped."),
    EXPORT_NO_IMAGE_SIZE(
            "C109",
            Severity.ERROR,
            "Masks to export need their image's size, which is not known; the file is skipped."),
    YOLO_LINE_INVALID(
            "C201",
            Severity.ERROR,
            "A YOLO label line has the wrong number of values or an invalid one; it is skipped."),
    YOLO_UNKNOWN_CLASS("C202", Severity.ERROR, "A YOLO label line has a class outside the class list; it is skipped."),
    YOLO_LABEL_WITHOUT_IMAGE(
            "C203", Severity.WARNING, "A YOLO label file has no image of the same name; it is ignored."),
    YOLO_IMAGE_UNREADABLE(
            "C204", Severity.ERROR, "An image of a YOLO dataset cannot be read; it gets no prediction file."),
    YOLO_MIXED_LABELS(
            "C205", Severity.ERROR, "A YOLO label file mixes kinds of label (boxes, polygons, poses); it is skipped."),
    YOLO_WRONG_TASK_TYPE(
            "C206",
            Severity.ERROR,
            "A YOLO label file holds another kind of label than the task type takes; it is skipped."),
    VOC_FILE_INVALID(
            "C301",
            Severity.ERROR,
            "A Pascal VOC file is not usable XML or names an image another file annotates; it is skipped."),
    VOC_SIZE_UNKNOWN("C302", Severity.ERROR, "A Pascal VOC file cannot be read or gives no image size; it is skipped."),
    VOC_OBJECT_INVALID("C303", Severity.ERROR, "A Pascal VOC object lacks a name or a valid box; it is skipped."),
    VOC_UNKNOWN_CLASS("C304", Severity.ERROR, "A Pascal VOC object's class is not in the class list; it is skipped."),
    VOC_DOCTYPE_REFUSED(
            "C305",
            Severity.ERROR,
            "A Pascal VOC file declares a DTD (entities could read files or expand without bound); it "
                    + "is refused unread."),
    MASK_UNREADABLE(
            "C401",
            Severity.ERROR,
            "A mask is not a PNG image Winnow can read, or has unsupported channels; it is skipped."),
    MASK_SIZE_MISMATCH("C402", Severity.ERROR, "A mask's size differs from its image's; it is skipped."),
    MASK_WITHOUT_IMAGE("C403", Severity.WARNING, "A mask has no image of the same name; it is ignored."),
    MASK_UNKNOWN_CLASS(
            "C404", Severity.ERROR, "A mask has pixels of a class or colour outside the class list; it is skipped."),
    CSV_LINE_INVALID(
            "C501", Severity.ERROR, "A CSV line has too few fields or a probability outside 0 to 1; it is skipped."),
    CSV_ROW_INVALID(
            "C502",
            Severity.ERROR,
            "A CSV row has an invalid file name, an unknown category or unfit probabilities, or "
                    + "repeats a file or an earlier line's prediction file; it is skipped."),
    MAP_INVALID("C601", Severity.ERROR, "A probability map cannot be read or does not fit its image; it is skipped."),
    MAP_WITHOUT_IMAGE("C603", Severity.WARNING, "A probability map has no image of the same name; it is ignored.");

    private final String code;
    private final Severity severity;
    private final String meaning;

    /** A check of a predictions folder: its letter, E or W, is its severity. */
    DiagnosticCode(String code, String meaning) {
        this(code, code.charAt(0) == 'E' ? Severity.ERROR : Severity.WARNING, meaning);
    }

    DiagnosticCode(String code, Severity severity, String meaning) {
        this.code = code;
        this.severity = severity;
        this.meaning = meaning;
    }

    /** The stable code, {@code E012} or {@code W001}. */
    public String code() {
        return code;
    }

    /** What the code means, one sentence (the README's table). */
    public String meaning() {
        return meaning;
    }

    public Severity severity() {
        return severity;
    }

    /** The registered code {@code code}, or empty. */
    public static Optional<DiagnosticCode> byCode(String code) {
        for (DiagnosticCode c : values()) {
            if (c.code.equals(code)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** A diagnostic of this code; {@code line} and {@code column} are 0 when unknown. */
    public Diagnostic at(String file, String pointer, int line, int column, String message) {
        return new Diagnostic(severity(), code, file, pointer, line, column, message);
    }

    /** A diagnostic of this code at JSON pointer {@code pointer} of {@code file}, without a line. */
    public Diagnostic at(String file, String pointer, String message) {
        return at(file, pointer, 0, 0, message);
    }

    /** A diagnostic of this code about a whole file or sample, without a position. */
    public Diagnostic of(String file, String message) {
        return at(file, "", 0, 0, message);
    }
}
