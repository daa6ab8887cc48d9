<?php
// Reads a Moodle competency framework CSV the way Moodle's importer does, with PHP's own
// fgetcsv, and prints what Moodle would create as JSON (for check_exports.py).
//
// Follows, step by step: lib/csvlib.class.php csv_import_reader::load_csv_content() (BOM
// removed, CR LF and CR made LF, the content trimmed, rows read with fgetcsv, a blank line
// skipped, every row as wide as the header, stored with fputcsv and read back with fgetcsv), then
// admin/tool/lpimportcsv/classes/framework_importer.php __construct() (the last row with a truthy
// "Is framework" is the framework, every other row goes into $flat by its raw ID number),
// add_children() (parents compared with PHP's loose ==, starting from ''), create_competency()
// (a row whose ID number or short name is empty() is skipped with its subtree) and set_related()
// (comma-separated, %2C a literal comma, unknown ID numbers skipped). clean_param(PARAM_TEXT) is
// strip_tags() after dropping invalid UTF-8; shorten_text(…, 100) leaves a text of at most 100
// characters alone, which is all this needs to know (a longer one is reported as cut).

$data = file_get_contents($argv[1]);
$out = ['error' => null, 'framework' => null, 'competencies' => [], 'related' => []];

// load_csv_content()
$content = mb_convert_encoding($data, 'UTF-8', 'UTF-8');
if (substr($content, 0, 3) === "\xEF\xBB\xBF") {
    $content = substr($content, 3);
}
$content = preg_replace('!\r\n?!', "\n", $content);
$content = trim($content);
$fp = fopen('php://temp', 'w+b');
fwrite($fp, $content);
fseek($fp, 0);
$columns = [];
while ($fgetdata = fgetcsv($fp, 0, ',', '"')) {
    if (count($fgetdata) == 1) {
        if ($fgetdata[0] !== null) {
            $columns[] = $fgetdata;
        }
    } else {
        $columns[] = $fgetdata;
    }
}
if (!isset($columns[0])) {
    $out['error'] = 'csvemptyfile';
    echo json_encode($out);
    exit(0);
}
$colcount = count($columns[0]);
foreach ($columns as $rowdata) {
    if (count($rowdata) !== $colcount) {
        $out['error'] = 'csvweirdcolumns';
        echo json_encode($out);
        exit(0);
    }
}
// Stored with csv_export_writer::print_array() (fputcsv) and read back by next() (fgetcsv).
$store = fopen('php://temp', 'w+');
foreach ($columns as $row) {
    fputcsv($store, $row, ',', '"');
}
fseek($store, 0);
fgetcsv($store);  // init() skips the header

function clean_text_param($value) {
    return strip_tags(mb_convert_encoding($value, 'UTF-8', 'UTF-8'));
}

function shorten100($text) {
    return mb_strlen(preg_replace('/<.*?>/', '', $text)) <= 100 ? $text : 'CUT:' . $text;
}

$flat = [];
$framework = null;
while (!feof($store) && ($row = fgetcsv($store))) {
    $cell = function ($i) use ($row) {
        return isset($row[$i]) ? $row[$i] : '';
    };
    if ($cell(12)) {
        $framework = [
            'idnumber' => shorten100(clean_text_param($cell(1))),
            'shortname' => shorten100(clean_text_param($cell(2))),
            'description' => $cell(3),
            'descriptionformat' => (int) $cell(4),
            'scalevalues' => $cell(5),
            'scaleconfiguration' => $cell(6),
            'taxonomies' => $cell(13),
            'children' => [],
        ];
    } else {
        $flat[$cell(1)] = (object) [
            'parentidnumber' => clean_text_param($cell(0)),
            'idnumber' => shorten100(clean_text_param($cell(1))),
            'shortname' => shorten100(clean_text_param($cell(2))),
            'description' => $cell(3),
            'descriptionformat' => (int) $cell(4),
            'relatedidnumbers' => $cell(10),
            'ruletype' => $cell(7),
            'children' => [],
            'created' => false,
        ];
    }
}
if ($framework === null) {
    $out['error'] = 'invalidimportfile';
    echo json_encode($out);
    exit(0);
}

function add_children($flat, $node, $parentidnumber, $depth) {
    if ($depth > 50) {
        return;
    }
    foreach ($flat as $competency) {
        if ($competency->parentidnumber == $parentidnumber) {
            $node->children[] = $competency;
            add_children($flat, $competency, $competency->idnumber, $depth + 1);
        }
    }
}
$root = (object) ['children' => []];
add_children($flat, $root, '', 0);

function create($record, $parent, &$out) {
    if (!empty($record->idnumber) && !empty($record->shortname)) {
        $record->created = true;
        $out['competencies'][] = [
            'parent' => $parent,
            'idnumber' => $record->idnumber,
            'shortname' => $record->shortname,
            'description' => empty($record->description) ? '' : $record->description,
            'descriptionformat' => $record->descriptionformat,
        ];
        foreach ($record->children as $child) {
            create($child, $record->idnumber, $out);
        }
    }
}
foreach ($root->children as $competency) {
    create($competency, '', $out);
}
foreach ($flat as $record) {
    if ($record->created && $record->relatedidnumbers) {
        foreach (explode(',', $record->relatedidnumbers) as $raw) {
            $idnumber = str_replace('%2C', ',', $raw);
            if (isset($flat[$idnumber])) {
                $out['related'][] = [$record->idnumber, $flat[$idnumber]->created ? $flat[$idnumber]->idnumber : null];
            }
        }
    }
}
unset($framework['children']);
$out['framework'] = $framework;
echo json_encode($out);
